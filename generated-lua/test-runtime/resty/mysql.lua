local ____lualib = require("lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local __TS__InstanceOf = ____lualib.__TS__InstanceOf
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 6,["9"] = 7,["10"] = 7,["11"] = 7,["12"] = 7,["13"] = 9,["14"] = 10,["16"] = 12,["18"] = 15,["19"] = 15,["20"] = 17,["21"] = 17,["22"] = 18,["23"] = 19,["24"] = 16,["25"] = 23,["26"] = 24,["27"] = 25,["28"] = 23,["31"] = 32,["32"] = 33,["33"] = 34,["34"] = 34,["36"] = 35,["37"] = 35,["38"] = 35,["39"] = 35,["40"] = 35,["42"] = 36,["43"] = 36,["44"] = 36,["45"] = 36,["46"] = 36,["47"] = 36,["48"] = 36,["49"] = 36,["50"] = 37,["51"] = 37,["52"] = 37,["53"] = 37,["54"] = 32,["55"] = 43,["56"] = 43,["58"] = 44,["59"] = 45,["60"] = 47,["61"] = 48,["62"] = 43,["63"] = 51,["64"] = 52,["65"] = 51,["66"] = 55,["67"] = 56,["68"] = 57,["69"] = 57,["71"] = 58,["72"] = 55,["73"] = 61,["74"] = 62,["75"] = 63,["76"] = 63,["78"] = 64,["79"] = 61,["80"] = 68,["81"] = 69,["82"] = 69,["84"] = 70,["85"] = 71,["86"] = 72,["87"] = 72,["89"] = 73,["90"] = 74,["91"] = 68,["92"] = 77,["93"] = 78,["94"] = 78,["96"] = 79,["97"] = 80,["98"] = 80,["100"] = 81,["101"] = 82,["102"] = 83,["103"] = 77,["104"] = 86,["105"] = 87,["106"] = 87,["108"] = 88,["109"] = 89,["110"] = 86,["111"] = 92,["112"] = 93,["113"] = 92,["114"] = 97,["115"] = 98,["116"] = 98,["118"] = 99,["119"] = 100,["120"] = 101,["121"] = 102,["122"] = 97,["123"] = 105,["124"] = 106,["125"] = 105,["126"] = 111,["127"] = 112,["128"] = 113,["129"] = 114,["130"] = 115,["131"] = 116,["132"] = 117,["133"] = 117,["136"] = 119,["137"] = 120,["138"] = 124,["139"] = 125,["140"] = 126,["141"] = 127,["142"] = 128,["143"] = 129,["144"] = 130,["145"] = 131,["146"] = 132,["147"] = 133,["149"] = 135,["151"] = 137,["152"] = 137,["153"] = 137,["154"] = 137,["155"] = 137,["157"] = 140,["158"] = 141,["159"] = 142,["160"] = 143,["162"] = 145,["163"] = 146,["164"] = 146,["166"] = 147,["167"] = 148,["168"] = 111,["169"] = 152,["170"] = 153,["171"] = 154,["172"] = 155,["173"] = 155,["175"] = 156,["176"] = 156,["178"] = 157,["179"] = 157,["180"] = 157,["181"] = 157,["182"] = 157,["183"] = 158,["184"] = 158,["186"] = 159,["187"] = 159,["189"] = 160,["190"] = 162,["191"] = 162,["192"] = 162,["193"] = 162,["194"] = 162,["195"] = 162,["196"] = 162,["197"] = 163,["198"] = 164,["199"] = 164,["201"] = 165,["202"] = 152,["203"] = 169,["204"] = 169,["205"] = 169,["207"] = 170,["208"] = 171,["209"] = 171,["211"] = 172,["212"] = 173,["213"] = 173,["215"] = 174,["216"] = 174,["218"] = 175,["219"] = 176,["220"] = 176,["221"] = 176,["222"] = 176,["223"] = 176,["224"] = 177,["225"] = 177,["227"] = 178,["228"] = 178,["230"] = 179,["231"] = 180,["232"] = 180,["234"] = 181,["236"] = 183,["237"] = 183,["239"] = 184,["240"] = 184,["241"] = 184,["242"] = 184,["243"] = 169,["244"] = 190,["245"] = 191,["246"] = 192,["247"] = 192,["249"] = 193,["250"] = 194,["251"] = 195,["252"] = 196,["254"] = 198,["255"] = 199,["256"] = 199,["257"] = 199,["258"] = 199,["259"] = 199,["260"] = 200,["261"] = 200,["263"] = 201,["264"] = 201,["265"] = 201,["266"] = 201,["268"] = 203,["269"] = 203,["271"] = 204,["272"] = 204,["273"] = 204,["274"] = 204,["275"] = 204,["276"] = 205,["277"] = 205,["279"] = 206,["280"] = 190,["281"] = 210,["282"] = 211,["284"] = 212,["285"] = 212,["286"] = 213,["287"] = 214,["288"] = 214,["290"] = 215,["291"] = 215,["292"] = 215,["293"] = 215,["294"] = 215,["295"] = 216,["296"] = 216,["298"] = 217,["299"] = 212,["302"] = 219,["303"] = 220,["304"] = 220,["306"] = 221,["307"] = 221,["309"] = 223,["312"] = 225,["313"] = 226,["314"] = 226,["316"] = 227,["317"] = 228,["318"] = 228,["319"] = 228,["320"] = 228,["321"] = 228,["322"] = 229,["323"] = 229,["325"] = 230,["326"] = 230,["327"] = 230,["328"] = 230,["330"] = 233,["331"] = 234,["332"] = 235,["334"] = 237,["335"] = 237,["336"] = 237,["337"] = 237,["338"] = 237,["339"] = 238,["340"] = 238,["342"] = 239,["345"] = 210,["346"] = 246,["347"] = 247,["348"] = 248,["349"] = 249,["350"] = 250,["351"] = 250,["352"] = 250,["353"] = 250,["354"] = 250,["356"] = 251,["357"] = 246,["358"] = 255,["359"] = 256,["360"] = 257,["361"] = 257,["362"] = 257,["363"] = 257,["364"] = 257,["366"] = 258,["367"] = 259,["368"] = 260,["369"] = 261,["370"] = 261,["371"] = 261,["372"] = 261,["373"] = 261,["375"] = 262,["376"] = 263,["377"] = 263,["379"] = 264,["380"] = 264,["381"] = 264,["382"] = 264,["383"] = 264,["385"] = 265,["386"] = 265,["388"] = 266,["389"] = 267,["390"] = 267,["391"] = 267,["392"] = 267,["393"] = 267,["395"] = 268,["396"] = 255,["397"] = 272,["398"] = 273,["399"] = 274,["400"] = 275,["401"] = 272,["403"] = 280,["404"] = 281,["405"] = 280,["406"] = 284});
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
--- Runs a parser; a truncated packet becomes a Failure instead of a Lua error. `what` names the
-- packet, and the message carries its first bytes: a rare failure is then readable from the log.
local function decode(what, packet, parse)
    local ok, value = pcall(parse)
    if ok then
        return value
    end
    if value ~= MALFORMED then
        return __TS__New(
            Failure,
            tostring(value)
        )
    end
    local head = (string.gsub(
        string.sub(packet, 1, 16),
        "[^%w]",
        function(c) return string.format(
            "\\x%02x",
            string.byte(c)
        ) end
    ))
    return __TS__New(
        Failure,
        ((((("malformed packet from the server (" .. what) .. ", ") .. tostring(#packet)) .. " bytes: ") .. head) .. ")"
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
    local greeting = decode(
        "greeting",
        first,
        function() return protocol.parseGreeting(first) end
    )
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
        local request = decode(
            "auth switch",
            packet,
            function() return protocol.parseAuthSwitch(packet) end
        )
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
        local ok = decode(
            "OK",
            first,
            function() return protocol.parseOk(first) end
        )
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
    local count = decode(
        "column count",
        first,
        function() return __TS__New(Reader, first):lenenc() end
    )
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
            local column = decode(
                "column definition",
                packet,
                function() return protocol.parseColumn(packet) end
            )
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
                local status = decode(
                    "EOF",
                    packet,
                    function() return protocol.eofStatus(packet) end
                )
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
            local row = decode(
                "row",
                packet,
                function() return protocol.parseRow(packet, columns) end
            )
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
