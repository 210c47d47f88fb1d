local ____lualib = require("lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local __TS__InstanceOf = ____lualib.__TS__InstanceOf
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 6,["9"] = 7,["10"] = 7,["11"] = 7,["12"] = 7,["13"] = 9,["14"] = 10,["16"] = 12,["18"] = 15,["19"] = 15,["20"] = 17,["21"] = 17,["22"] = 18,["23"] = 19,["24"] = 16,["25"] = 23,["26"] = 24,["27"] = 25,["28"] = 23,["30"] = 29,["31"] = 30,["32"] = 31,["33"] = 31,["35"] = 32,["36"] = 32,["37"] = 32,["38"] = 32,["39"] = 29,["40"] = 38,["41"] = 38,["43"] = 39,["44"] = 40,["45"] = 42,["46"] = 43,["47"] = 38,["48"] = 46,["49"] = 47,["50"] = 46,["51"] = 50,["52"] = 51,["53"] = 52,["54"] = 52,["56"] = 53,["57"] = 50,["58"] = 56,["59"] = 57,["60"] = 58,["61"] = 58,["63"] = 59,["64"] = 56,["65"] = 63,["66"] = 64,["67"] = 64,["69"] = 65,["70"] = 66,["71"] = 67,["72"] = 67,["74"] = 68,["75"] = 69,["76"] = 63,["77"] = 72,["78"] = 73,["79"] = 73,["81"] = 74,["82"] = 75,["83"] = 75,["85"] = 76,["86"] = 77,["87"] = 78,["88"] = 72,["89"] = 81,["90"] = 82,["91"] = 82,["93"] = 83,["94"] = 84,["95"] = 81,["96"] = 87,["97"] = 88,["98"] = 87,["99"] = 92,["100"] = 93,["101"] = 93,["103"] = 94,["104"] = 95,["105"] = 96,["106"] = 97,["107"] = 92,["108"] = 100,["109"] = 101,["110"] = 100,["111"] = 106,["112"] = 107,["113"] = 108,["114"] = 109,["115"] = 110,["116"] = 111,["117"] = 112,["118"] = 112,["121"] = 114,["122"] = 115,["123"] = 119,["124"] = 120,["125"] = 121,["126"] = 122,["127"] = 123,["128"] = 124,["129"] = 125,["130"] = 126,["131"] = 127,["132"] = 128,["134"] = 130,["136"] = 132,["137"] = 132,["138"] = 132,["139"] = 132,["140"] = 132,["142"] = 135,["143"] = 136,["144"] = 137,["145"] = 138,["147"] = 140,["148"] = 141,["149"] = 141,["151"] = 142,["152"] = 143,["153"] = 106,["154"] = 147,["155"] = 148,["156"] = 149,["157"] = 150,["158"] = 150,["160"] = 151,["161"] = 151,["163"] = 152,["164"] = 153,["165"] = 153,["167"] = 154,["168"] = 154,["170"] = 155,["171"] = 157,["172"] = 157,["173"] = 157,["174"] = 157,["175"] = 157,["176"] = 157,["177"] = 157,["178"] = 158,["179"] = 159,["180"] = 159,["182"] = 160,["183"] = 147,["184"] = 164,["185"] = 164,["186"] = 164,["188"] = 165,["189"] = 166,["190"] = 166,["192"] = 167,["193"] = 168,["194"] = 168,["196"] = 169,["197"] = 169,["199"] = 170,["200"] = 171,["201"] = 172,["202"] = 172,["204"] = 173,["205"] = 173,["207"] = 174,["208"] = 175,["209"] = 175,["211"] = 176,["213"] = 178,["214"] = 178,["216"] = 179,["217"] = 179,["218"] = 179,["219"] = 179,["220"] = 164,["221"] = 185,["222"] = 186,["223"] = 187,["224"] = 187,["226"] = 188,["227"] = 189,["228"] = 190,["229"] = 191,["231"] = 193,["232"] = 194,["233"] = 195,["234"] = 195,["236"] = 196,["237"] = 196,["238"] = 196,["239"] = 196,["241"] = 198,["242"] = 198,["244"] = 199,["245"] = 200,["246"] = 200,["248"] = 201,["249"] = 185,["250"] = 205,["251"] = 206,["253"] = 207,["254"] = 207,["255"] = 208,["256"] = 209,["257"] = 209,["259"] = 210,["260"] = 211,["261"] = 211,["263"] = 212,["264"] = 207,["267"] = 214,["268"] = 215,["269"] = 215,["271"] = 216,["272"] = 216,["274"] = 218,["277"] = 220,["278"] = 221,["279"] = 221,["281"] = 222,["282"] = 223,["283"] = 224,["284"] = 224,["286"] = 225,["287"] = 225,["288"] = 225,["289"] = 225,["291"] = 228,["292"] = 229,["293"] = 230,["295"] = 232,["296"] = 233,["297"] = 233,["299"] = 234,["302"] = 205,["303"] = 241,["304"] = 242,["305"] = 243,["306"] = 244,["307"] = 245,["308"] = 245,["309"] = 245,["310"] = 245,["311"] = 245,["313"] = 246,["314"] = 241,["315"] = 250,["316"] = 251,["317"] = 252,["318"] = 252,["319"] = 252,["320"] = 252,["321"] = 252,["323"] = 253,["324"] = 254,["325"] = 255,["326"] = 256,["327"] = 256,["328"] = 256,["329"] = 256,["330"] = 256,["332"] = 257,["333"] = 258,["334"] = 258,["336"] = 259,["337"] = 259,["338"] = 259,["339"] = 259,["340"] = 259,["342"] = 260,["343"] = 260,["345"] = 261,["346"] = 262,["347"] = 262,["348"] = 262,["349"] = 262,["350"] = 262,["352"] = 263,["353"] = 250,["354"] = 267,["355"] = 268,["356"] = 269,["357"] = 270,["358"] = 267,["360"] = 275,["361"] = 276,["362"] = 275,["363"] = 279});
local ____exports = {}
local protocol = require("test-runtime.resty.mysql.protocol")
local ____wire = require("test-runtime.resty.mysql.wire")
local MALFORMED = ____wire.MALFORMED
local Reader = ____wire.Reader
local uintLE = ____wire.uintLE
local DEFAULT_PORT = 3306
local DEFAULT_MAX_PACKET_SIZE = 1024 * 1024
--- A payload of 2^24 - 1 bytes continues in the next packet: not supported here.
local MAX_SINGLE_PACKET = 16777215
--- Why a call failed: the message, and for server errors its number and SQLSTATE.
local Failure = __TS__Class()
Failure.name = "Failure"
function Failure.prototype.____constructor(self, err, errno, sqlstate)
    self.err = err
    self.errno = errno
    self.sqlstate = sqlstate
end
local function serverFailure(payload)
    local e = protocol.parseErr(payload)
    return __TS__New(Failure, e.message, e.errno, e.sqlstate)
end
--- Runs a parser; a truncated packet becomes a Failure instead of a Lua error.
local function decode(parse)
    local ok, value = pcall(parse)
    if ok then
        return value
    end
    return __TS__New(
        Failure,
        value == MALFORMED and "malformed packet from the server" or tostring(value)
    )
end
local Connection = __TS__Class()
Connection.name = "Connection"
function Connection.prototype.____constructor(self)
    self.sock = ngx.socket.tcp()
    self.state = "closed"
    self.seq = 0
    self.maxPacketSize = DEFAULT_MAX_PACKET_SIZE
end
function Connection.prototype.set_timeout(self, ms)
    self.sock:settimeout(ms)
end
function Connection.prototype.connect(self, options)
    local outcome = self:open(options)
    if __TS__InstanceOf(outcome, Failure) then
        return nil, outcome.err, outcome.errno, outcome.sqlstate
    end
    return 1, nil, nil, nil
end
function Connection.prototype.query(self, sql)
    local bytes, err = self:send_query(sql)
    if bytes == nil then
        return nil, err, nil, nil
    end
    return self:read_result()
end
function Connection.prototype.send_query(self, sql)
    if self.state ~= "ready" then
        return nil, self.state == "closed" and "not connected" or "cannot send a query while results are unread"
    end
    self.seq = 0
    local sent = self:writePacket(string.char(protocol.COM_QUERY) .. sql)
    if __TS__InstanceOf(sent, Failure) then
        return nil, sent.err
    end
    self.state = "reading"
    return sent, nil
end
function Connection.prototype.read_result(self)
    if self.state ~= "reading" then
        return nil, self.state == "closed" and "not connected" or "no result to read", nil, nil
    end
    local result = self:readResult()
    if __TS__InstanceOf(result, Failure) then
        return nil, result.err, result.errno, result.sqlstate
    end
    local res, more = unpack(result, 1, 2)
    self.state = more and "reading" or "ready"
    return res, more and "again" or nil, nil, nil
end
function Connection.prototype.set_keepalive(self, maxIdleMs, poolSize)
    if self.state ~= "ready" then
        return nil, self.state == "closed" and "closed" or "cannot be reused while results are unread"
    end
    self.state = "closed"
    return self.sock:setkeepalive(maxIdleMs, poolSize)
end
function Connection.prototype.get_reused_times(self)
    return self.sock:getreusedtimes()
end
function Connection.prototype.close(self)
    if self.state == "closed" then
        return nil, "closed"
    end
    self.seq = 0
    self:writePacket(string.char(protocol.COM_QUIT))
    self.state = "closed"
    return self.sock:close()
end
function Connection.prototype.server_ver(self)
    return self.version
end
function Connection.prototype.open(self, options)
    local user = options.user or ""
    local database = options.database or ""
    local charset
    if options.charset ~= nil then
        charset = protocol.charsetId(options.charset)
        if charset == nil then
            return __TS__New(Failure, ("charset \"" .. options.charset) .. "\" is not supported")
        end
    end
    self.maxPacketSize = options.max_packet_size or DEFAULT_MAX_PACKET_SIZE
    self.version = nil
    local poolOptions = {pool_size = options.pool_size, backlog = options.backlog}
    local ok
    local err
    if options.host ~= nil then
        local port = options.port or DEFAULT_PORT
        poolOptions.pool = options.pool or (((((user .. ":") .. database) .. ":") .. options.host) .. ":") .. tostring(port)
        ok, err = self.sock:connect(options.host, port, poolOptions)
    elseif options.path ~= nil then
        poolOptions.pool = options.pool or (((user .. ":") .. database) .. ":") .. options.path
        ok, err = self.sock:connect("unix:" .. options.path, poolOptions)
    else
        return __TS__New(Failure, "neither \"host\" nor \"path\" options are specified")
    end
    if ok == nil then
        return __TS__New(
            Failure,
            "failed to connect: " .. tostring(err)
        )
    end
    local reused = self.sock:getreusedtimes()
    if reused ~= nil and reused > 0 then
        self.state = "ready"
        return true
    end
    local login = self:login(user, options.password or "", database, charset)
    if __TS__InstanceOf(login, Failure) then
        return self:abort(login)
    end
    self.state = "ready"
    return true
end
function Connection.prototype.login(self, user, password, database, charset)
    self.seq = 0
    local first = self:readPacket()
    if __TS__InstanceOf(first, Failure) then
        return first
    end
    if string.byte(first, 1) == protocol.ERR_HEADER then
        return serverFailure(first)
    end
    local greeting = decode(function() return protocol.parseGreeting(first) end)
    if __TS__InstanceOf(greeting, Failure) then
        return greeting
    end
    if type(greeting) == "string" then
        return __TS__New(Failure, greeting)
    end
    self.version = greeting.serverVersion
    local login = {
        user = user,
        password = password,
        database = database,
        charset = charset or greeting.charset,
        maxPacketSize = self.maxPacketSize
    }
    local sent = self:writePacket(protocol.handshakeResponse(greeting, login))
    if __TS__InstanceOf(sent, Failure) then
        return sent
    end
    return self:authResult(password)
end
function Connection.prototype.authResult(self, password, switched)
    if switched == nil then
        switched = false
    end
    local packet = self:readPacket()
    if __TS__InstanceOf(packet, Failure) then
        return packet
    end
    local header = string.byte(packet, 1)
    if header == protocol.OK_HEADER then
        return true
    end
    if header == protocol.ERR_HEADER then
        return serverFailure(packet)
    end
    if header == protocol.EOF_HEADER and not switched then
        local request = decode(function() return protocol.parseAuthSwitch(packet) end)
        if __TS__InstanceOf(request, Failure) then
            return request
        end
        if request.plugin ~= protocol.NATIVE_PASSWORD then
            return __TS__New(Failure, ("auth plugin \"" .. request.plugin) .. "\" is not supported")
        end
        local sent = self:writePacket(protocol.nativePasswordToken(password, request.data))
        if __TS__InstanceOf(sent, Failure) then
            return sent
        end
        return self:authResult(password, true)
    end
    if header == protocol.AUTH_MORE_DATA then
        return __TS__New(Failure, "auth plugin needs more data: only mysql_native_password is supported")
    end
    return __TS__New(
        Failure,
        ("unexpected packet during login (0x" .. string.format("%02x", header)) .. ")"
    )
end
function Connection.prototype.readResult(self)
    local first = self:readPacket()
    if __TS__InstanceOf(first, Failure) then
        return first
    end
    local header = string.byte(first, 1)
    if header == protocol.ERR_HEADER then
        self.state = "ready"
        return serverFailure(first)
    end
    if header == protocol.OK_HEADER then
        local ok = decode(function() return protocol.parseOk(first) end)
        if __TS__InstanceOf(ok, Failure) then
            return self:abort(ok)
        end
        return {
            ok,
            bit.band(ok.server_status, protocol.SERVER_MORE_RESULTS_EXISTS) ~= 0
        }
    end
    if header == protocol.LOCAL_INFILE then
        return self:abort(__TS__New(Failure, "LOAD DATA LOCAL INFILE is not supported"))
    end
    local count = decode(function() return __TS__New(Reader, first):lenenc() end)
    if __TS__InstanceOf(count, Failure) then
        return self:abort(count)
    end
    return self:readResultSet(count)
end
function Connection.prototype.readResultSet(self, count)
    local columns = {}
    do
        local i = 0
        while i < count do
            local packet = self:readPacket()
            if __TS__InstanceOf(packet, Failure) then
                return packet
            end
            local column = decode(function() return protocol.parseColumn(packet) end)
            if __TS__InstanceOf(column, Failure) then
                return self:abort(column)
            end
            columns[#columns + 1] = column
            i = i + 1
        end
    end
    local eof = self:readPacket()
    if __TS__InstanceOf(eof, Failure) then
        return eof
    end
    if not protocol.isEof(eof) then
        return self:abort(__TS__New(Failure, "expected EOF after the column definitions"))
    end
    local rows = {}
    do
        while true do
            local packet = self:readPacket()
            if __TS__InstanceOf(packet, Failure) then
                return packet
            end
            if protocol.isEof(packet) then
                local status = decode(function() return protocol.eofStatus(packet) end)
                if __TS__InstanceOf(status, Failure) then
                    return self:abort(status)
                end
                return {
                    rows,
                    bit.band(status, protocol.SERVER_MORE_RESULTS_EXISTS) ~= 0
                }
            end
            if string.byte(packet, 1) == protocol.ERR_HEADER then
                self.state = "ready"
                return serverFailure(packet)
            end
            local row = decode(function() return protocol.parseRow(packet, columns) end)
            if __TS__InstanceOf(row, Failure) then
                return self:abort(row)
            end
            rows[#rows + 1] = row
        end
    end
end
function Connection.prototype.writePacket(self, payload)
    local packet = (uintLE(#payload, 3) .. string.char(self.seq)) .. payload
    self.seq = (self.seq + 1) % 256
    local bytes, err = self.sock:send(packet)
    if bytes == nil then
        return self:abort(__TS__New(
            Failure,
            "failed to send packet: " .. tostring(err)
        ))
    end
    return bytes
end
function Connection.prototype.readPacket(self)
    local header, err = self.sock:receive(4)
    if header == nil then
        return self:abort(__TS__New(
            Failure,
            "failed to receive packet header: " .. tostring(err)
        ))
    end
    local r = __TS__New(Reader, header)
    local length = r:uint(3)
    local seq = r:u8()
    if seq ~= self.seq then
        return self:abort(__TS__New(
            Failure,
            (("packet out of order: sequence id " .. tostring(seq)) .. ", expected ") .. tostring(self.seq)
        ))
    end
    self.seq = (seq + 1) % 256
    if length >= MAX_SINGLE_PACKET then
        return self:abort(__TS__New(Failure, "packets of 16 MiB or more are not supported"))
    end
    if length > self.maxPacketSize then
        return self:abort(__TS__New(
            Failure,
            "packet size too big: " .. tostring(length)
        ))
    end
    if length == 0 then
        return self:abort(__TS__New(Failure, "empty packet"))
    end
    local payload, readErr = self.sock:receive(length)
    if payload == nil then
        return self:abort(__TS__New(
            Failure,
            "failed to read packet content: " .. tostring(readErr)
        ))
    end
    return payload
end
function Connection.prototype.abort(self, failure)
    self.state = "closed"
    self.sock:close()
    return failure
end
--- A connection object (not connected yet). Accepts `mysql.new()` and `mysql:new()`.
local function create()
    return __TS__New(Connection), nil
end
____exports.new = create
return ____exports
