local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 4,["8"] = 4,["9"] = 4,["10"] = 4,["11"] = 4,["12"] = 7,["13"] = 8,["14"] = 9,["15"] = 10,["16"] = 11,["17"] = 12,["18"] = 13,["19"] = 14,["20"] = 15,["21"] = 16,["22"] = 18,["23"] = 19,["24"] = 19,["25"] = 19,["26"] = 19,["27"] = 19,["28"] = 19,["29"] = 19,["30"] = 19,["31"] = 19,["32"] = 19,["33"] = 19,["34"] = 19,["35"] = 19,["36"] = 19,["37"] = 19,["38"] = 19,["39"] = 19,["40"] = 19,["41"] = 19,["42"] = 19,["43"] = 19,["45"] = 30,["46"] = 32,["47"] = 33,["48"] = 36,["49"] = 37,["50"] = 38,["51"] = 39,["52"] = 40,["53"] = 42,["55"] = 45,["56"] = 45,["57"] = 45,["58"] = 45,["59"] = 45,["60"] = 45,["61"] = 45,["62"] = 45,["63"] = 54,["64"] = 55,["65"] = 54,["66"] = 68,["67"] = 69,["68"] = 70,["69"] = 71,["70"] = 71,["72"] = 72,["73"] = 73,["74"] = 74,["75"] = 75,["76"] = 76,["77"] = 77,["78"] = 78,["79"] = 79,["80"] = 80,["81"] = 81,["82"] = 82,["83"] = 83,["84"] = 84,["86"] = 86,["87"] = 87,["89"] = 90,["90"] = 91,["91"] = 92,["92"] = 92,["93"] = 92,["94"] = 92,["95"] = 92,["96"] = 92,["97"] = 92,["98"] = 68,["100"] = 96,["101"] = 97,["102"] = 97,["104"] = 98,["105"] = 99,["106"] = 100,["108"] = 101,["109"] = 101,["110"] = 102,["111"] = 102,["112"] = 102,["113"] = 102,["114"] = 101,["117"] = 104,["118"] = 96,["120"] = 116,["121"] = 117,["122"] = 118,["123"] = 118,["124"] = 118,["125"] = 118,["126"] = 118,["128"] = 119,["129"] = 120,["130"] = 120,["131"] = 120,["132"] = 120,["133"] = 120,["134"] = 120,["135"] = 121,["136"] = 121,["137"] = 121,["138"] = 121,["139"] = 121,["140"] = 122,["141"] = 122,["143"] = 124,["144"] = 124,["146"] = 125,["147"] = 116,["149"] = 129,["150"] = 130,["151"] = 131,["152"] = 132,["153"] = 134,["154"] = 134,["155"] = 134,["156"] = 134,["157"] = 134,["158"] = 134,["159"] = 134,["160"] = 134,["161"] = 129,["162"] = 137,["163"] = 138,["164"] = 139,["165"] = 140,["166"] = 141,["167"] = 142,["168"] = 143,["169"] = 144,["170"] = 145,["171"] = 146,["172"] = 146,["174"] = 147,["175"] = 137,["177"] = 157,["178"] = 158,["179"] = 159,["180"] = 160,["181"] = 161,["182"] = 162,["183"] = 163,["184"] = 164,["186"] = 166,["187"] = 166,["188"] = 166,["189"] = 166,["190"] = 166,["191"] = 157,["193"] = 170,["194"] = 171,["195"] = 170,["197"] = 175,["198"] = 176,["199"] = 177,["200"] = 178,["201"] = 175,["203"] = 187,["204"] = 188,["206"] = 189,["207"] = 189,["208"] = 189,["209"] = 189,["212"] = 190,["213"] = 191,["214"] = 192,["215"] = 193,["216"] = 194,["217"] = 194,["218"] = 194,["219"] = 194,["220"] = 187,["223"] = 201,["224"] = 201,["225"] = 201,["226"] = 201,["227"] = 201,["228"] = 201,["229"] = 201,["230"] = 201,["231"] = 201,["232"] = 201,["233"] = 201,["235"] = 214,["236"] = 215,["237"] = 216,["238"] = 217,["239"] = 218,["240"] = 219,["241"] = 220,["242"] = 220,["244"] = 221,["246"] = 223,["247"] = 214});
local ____exports = {}
local ____wire = require("test-runtime.resty.mysql.wire")
local Reader = ____wire.Reader
local cstring = ____wire.cstring
local lenencShort = ____wire.lenencShort
local uintLE = ____wire.uintLE
local CLIENT_LONG_PASSWORD = 1
local CLIENT_FOUND_ROWS = 2
local CLIENT_LONG_FLAG = 4
local CLIENT_CONNECT_WITH_DB = 8
local CLIENT_PROTOCOL_41 = 512
local CLIENT_TRANSACTIONS = 8192
local CLIENT_SECURE_CONNECTION = 32768
local CLIENT_MULTI_STATEMENTS = 65536
local CLIENT_MULTI_RESULTS = 131072
local CLIENT_PLUGIN_AUTH = 524288
local WANTED_CAPABILITIES = bit.bor(
    bit.bor(
        bit.bor(
            bit.bor(
                bit.bor(
                    bit.bor(
                        bit.bor(
                            bit.bor(CLIENT_LONG_PASSWORD, CLIENT_FOUND_ROWS),
                            CLIENT_LONG_FLAG
                        ),
                        CLIENT_PROTOCOL_41
                    ),
                    CLIENT_TRANSACTIONS
                ),
                CLIENT_SECURE_CONNECTION
            ),
            CLIENT_MULTI_STATEMENTS
        ),
        CLIENT_MULTI_RESULTS
    ),
    CLIENT_PLUGIN_AUTH
)
--- Status flag of OK/EOF packets: another result set follows ("again").
____exports.SERVER_MORE_RESULTS_EXISTS = 8
____exports.COM_QUIT = 1
____exports.COM_QUERY = 3
____exports.OK_HEADER = 0
____exports.AUTH_MORE_DATA = 1
____exports.LOCAL_INFILE = 251
____exports.EOF_HEADER = 254
____exports.ERR_HEADER = 255
____exports.NATIVE_PASSWORD = "mysql_native_password"
--- Default collation ids of the character sets a connection may ask for.
local CHARSETS = {
    ascii = 11,
    latin1 = 8,
    utf8 = 33,
    utf8mb3 = 33,
    utf8mb4 = 45,
    binary = 63
}
function ____exports.charsetId(name)
    return CHARSETS[name]
end
function ____exports.parseGreeting(payload)
    local r = __TS__New(Reader, payload)
    local protocol = r:u8()
    if protocol ~= 10 then
        return "unsupported handshake protocol version " .. tostring(protocol)
    end
    local serverVersion = r:cstr()
    r:skip(4)
    local scramble1 = r:bytes(8)
    r:skip(1)
    local capabilities = r:uint(2)
    local charset = 0
    local authDataLength = 0
    if r:remaining() > 0 then
        charset = r:u8()
        r:skip(2)
        capabilities = capabilities + r:uint(2) * 65536
        authDataLength = r:u8()
        r:skip(10)
    end
    if bit.band(capabilities, CLIENT_PROTOCOL_41) == 0 or bit.band(capabilities, CLIENT_SECURE_CONNECTION) == 0 then
        return "server does not support protocol 4.1 authentication"
    end
    local scramble2 = r:bytes(math.max(13, authDataLength - 8))
    local authPlugin = bit.band(capabilities, CLIENT_PLUGIN_AUTH) ~= 0 and r:cstr() or ____exports.NATIVE_PASSWORD
    return {
        serverVersion = serverVersion,
        capabilities = capabilities,
        charset = charset,
        scramble = scramble1 .. string.sub(scramble2, 1, 12),
        authPlugin = authPlugin
    }
end
--- mysql_native_password: SHA1(password) XOR SHA1(scramble .. SHA1(SHA1(password))).
function ____exports.nativePasswordToken(password, scramble)
    if password == "" then
        return ""
    end
    local stage1 = ngx.sha1_bin(password)
    local mask = ngx.sha1_bin(scramble .. ngx.sha1_bin(stage1))
    local out = {}
    do
        local i = 1
        while i <= #stage1 do
            out[#out + 1] = bit.bxor(
                string.byte(stage1, i),
                string.byte(mask, i)
            )
            i = i + 1
        end
    end
    return string.char(unpack(out))
end
--- HandshakeResponse41: capabilities, limits, user, auth token, database, auth plugin.
function ____exports.handshakeResponse(greeting, login)
    local flags = bit.band(WANTED_CAPABILITIES, greeting.capabilities)
    if login.database ~= "" then
        flags = bit.bor(
            flags,
            bit.band(CLIENT_CONNECT_WITH_DB, greeting.capabilities)
        )
    end
    local token = ____exports.nativePasswordToken(login.password, greeting.scramble)
    local parts = {
        uintLE(flags, 4),
        uintLE(login.maxPacketSize, 4),
        string.char(login.charset),
        string.rep("\0", 23)
    }
    __TS__ArrayPush(
        parts,
        cstring(login.user),
        lenencShort(token)
    )
    if bit.band(flags, CLIENT_CONNECT_WITH_DB) ~= 0 then
        parts[#parts + 1] = cstring(login.database)
    end
    if bit.band(flags, CLIENT_PLUGIN_AUTH) ~= 0 then
        parts[#parts + 1] = cstring(____exports.NATIVE_PASSWORD)
    end
    return table.concat(parts, "")
end
--- Auth switch request (0xfe during the handshake): plugin name and its data.
function ____exports.parseAuthSwitch(payload)
    local r = __TS__New(Reader, payload)
    r:skip(1)
    local plugin = r:cstr()
    return {
        plugin = plugin,
        data = string.sub(
            r:rest(),
            1,
            20
        )
    }
end
function ____exports.parseOk(payload)
    local r = __TS__New(Reader, payload)
    r:skip(1)
    local affected_rows = r:lenenc()
    local insert_id = r:lenenc()
    local server_status = r:uint(2)
    local warning_count = r:uint(2)
    local info = r:rest()
    local ok = {affected_rows = affected_rows, insert_id = insert_id, server_status = server_status, warning_count = warning_count}
    if info ~= "" then
        ok.message = info
    end
    return ok
end
--- ERR packet: error number, "#" and SQLSTATE (absent before protocol 4.1 is agreed), text.
function ____exports.parseErr(payload)
    local r = __TS__New(Reader, payload)
    r:skip(1)
    local errno = r:uint(2)
    local sqlstate
    if r:remaining() >= 6 and r:peek() == 35 then
        r:skip(1)
        sqlstate = r:bytes(5)
    end
    return {
        errno = errno,
        sqlstate = sqlstate,
        message = r:rest()
    }
end
--- EOF packets are 0xfe with fewer than 9 bytes (a row can start with 0xfe only if longer).
function ____exports.isEof(payload)
    return string.byte(payload, 1) == ____exports.EOF_HEADER and #payload < 9
end
--- Status flags of an EOF packet (after the warning count).
function ____exports.eofStatus(payload)
    local r = __TS__New(Reader, payload)
    r:skip(3)
    return r:uint(2)
end
--- ColumnDefinition41: catalog, schema, table, org_table, name, org_name, then fixed fields.
function ____exports.parseColumn(payload)
    local r = __TS__New(Reader, payload)
    do
        local i = 0
        while i < 4 do
            r:lenencStr()
            i = i + 1
        end
    end
    local name = r:lenencStr() or ""
    r:lenencStr()
    r:lenenc()
    r:skip(2 + 4)
    return {
        name = name,
        type = r:u8()
    }
end
--- Column types returned as Lua numbers, as lua-resty-mysql does: DECIMAL, TINY, SHORT, LONG,
-- FLOAT, DOUBLE, INT24, YEAR, NEWDECIMAL. LONGLONG (BIGINT) stays a string: 64 bits do not fit.
local NUMERIC_TYPES = {
    [0] = true,
    [1] = true,
    [2] = true,
    [3] = true,
    [4] = true,
    [5] = true,
    [9] = true,
    [13] = true,
    [246] = true
}
--- A text-protocol row: one length-encoded string (or the 0xfb NULL marker) per column.
function ____exports.parseRow(payload, columns)
    local r = __TS__New(Reader, payload)
    local row = {}
    for ____, column in ipairs(columns) do
        local text = r:lenencStr()
        local value = text or ngx.null
        if text ~= nil and NUMERIC_TYPES[column.type] == true then
            value = tonumber(text) or text
        end
        row[column.name] = value
    end
    return row
end
return ____exports
