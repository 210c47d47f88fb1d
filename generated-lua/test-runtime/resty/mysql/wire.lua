local ____lualib = require("lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 6,["9"] = 9,["11"] = 12,["12"] = 13,["13"] = 14,["15"] = 15,["16"] = 15,["17"] = 16,["18"] = 17,["19"] = 15,["22"] = 19,["23"] = 12,["24"] = 22,["25"] = 23,["26"] = 22,["28"] = 27,["29"] = 28,["30"] = 28,["32"] = 29,["33"] = 27,["35"] = 33,["36"] = 33,["37"] = 33,["38"] = 36,["39"] = 36,["40"] = 34,["41"] = 36,["42"] = 38,["43"] = 39,["44"] = 38,["45"] = 42,["46"] = 43,["49"] = 42,["50"] = 46,["51"] = 47,["52"] = 48,["53"] = 46,["54"] = 51,["55"] = 52,["56"] = 53,["57"] = 51,["58"] = 56,["59"] = 57,["60"] = 58,["61"] = 59,["62"] = 56,["63"] = 63,["64"] = 64,["65"] = 65,["66"] = 66,["68"] = 67,["69"] = 67,["70"] = 68,["71"] = 69,["72"] = 67,["75"] = 71,["76"] = 72,["77"] = 63,["78"] = 75,["79"] = 76,["80"] = 77,["81"] = 78,["82"] = 79,["83"] = 75,["84"] = 82,["85"] = 83,["86"] = 84,["87"] = 85,["88"] = 82,["89"] = 89,["90"] = 90,["91"] = 91,["92"] = 91,["94"] = 92,["95"] = 93,["96"] = 94,["97"] = 89,["98"] = 98,["99"] = 99,["100"] = 100,["101"] = 100,["103"] = 101,["104"] = 101,["106"] = 102,["107"] = 102,["109"] = 103,["110"] = 103,["113"] = 98,["114"] = 108,["115"] = 109,["116"] = 110,["117"] = 111,["119"] = 113,["120"] = 108});
local ____exports = {}
--- Thrown (as a Lua error) when a packet ends before the field being read.
____exports.MALFORMED = "malformed packet"
--- First byte of a length-encoded value that stands for SQL NULL in a row.
____exports.LENENC_NULL = 251
--- `n` as a little-endian unsigned integer of `size` bytes.
function ____exports.uintLE(n, size)
    local bytes = {}
    local rest = n
    do
        local i = 0
        while i < size do
            bytes[#bytes + 1] = rest % 256
            rest = math.floor(rest / 256)
            i = i + 1
        end
    end
    return string.char(unpack(bytes))
end
function ____exports.cstring(s)
    return s .. "\0"
end
--- A length-encoded string; only short ones are needed (auth data < 251 bytes).
function ____exports.lenencShort(s)
    if #s >= 251 then
        error("lenencShort: value too long")
    end
    return string.char(#s) .. s
end
--- A cursor over one packet payload; every read past the end throws MALFORMED.
____exports.Reader = __TS__Class()
local Reader = ____exports.Reader
Reader.name = "Reader"
function Reader.prototype.____constructor(self, data)
    self.data = data
    self.pos = 1
end
function Reader.prototype.remaining(self)
    return #self.data - self.pos + 1
end
function Reader.prototype.need(self, n)
    if self:remaining() < n then
        error(____exports.MALFORMED, 0)
    end
end
function Reader.prototype.peek(self)
    self:need(1)
    return string.byte(self.data, self.pos)
end
function Reader.prototype.skip(self, n)
    self:need(n)
    self.pos = self.pos + n
end
function Reader.prototype.u8(self)
    local b = self:peek()
    self.pos = self.pos + 1
    return b
end
function Reader.prototype.uint(self, size)
    self:need(size)
    local n = 0
    local scale = 1
    do
        local i = 0
        while i < size do
            n = n + string.byte(self.data, self.pos + i) * scale
            scale = scale * 256
            i = i + 1
        end
    end
    self.pos = self.pos + size
    return n
end
function Reader.prototype.bytes(self, n)
    self:need(n)
    local s = string.sub(self.data, self.pos, self.pos + n - 1)
    self.pos = self.pos + n
    return s
end
function Reader.prototype.rest(self)
    local s = string.sub(self.data, self.pos)
    self.pos = #self.data + 1
    return s
end
function Reader.prototype.cstr(self)
    local nul = string.find(self.data, "\0", self.pos, true)
    if nul == nil then
        return self:rest()
    end
    local s = string.sub(self.data, self.pos, nul - 1)
    self.pos = nul + 1
    return s
end
function Reader.prototype.lenenc(self)
    local first = self:u8()
    if first < 251 then
        return first
    end
    if first == 252 then
        return self:uint(2)
    end
    if first == 253 then
        return self:uint(3)
    end
    if first == 254 then
        return self:uint(8)
    end
    error(____exports.MALFORMED, 0)
end
function Reader.prototype.lenencStr(self)
    if self:peek() == ____exports.LENENC_NULL then
        self.pos = self.pos + 1
        return nil
    end
    return self:bytes(self:lenenc())
end
return ____exports
