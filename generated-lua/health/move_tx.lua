local ____lualib = require("lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local __TS__InstanceOf = ____lualib.__TS__InstanceOf
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 5,["10"] = 8,["11"] = 8,["12"] = 9,["13"] = 9,["14"] = 9,["15"] = 12,["16"] = 13,["17"] = 14,["19"] = 15,["23"] = 16,["24"] = 12,["25"] = 19,["26"] = 20,["27"] = 20,["28"] = 19,["30"] = 24,["31"] = 25,["32"] = 25,["34"] = 26,["35"] = 26,["39"] = 32,["40"] = 33,["41"] = 33,["42"] = 33,["43"] = 33,["44"] = 34,["47"] = 28,["48"] = 29,["49"] = 30,["55"] = 27,["58"] = 24});
local ____exports = {}
local session = require("health.writer_session")
--- A statement failed: the transaction is rolled back and the pass retried later.
local MoveError = __TS__Class()
MoveError.name = "MoveError"
function MoveError.prototype.____constructor(self, why)
    self.why = why
end
function ____exports.run(sql, what)
    local res = session.exec(sql)
    if res.error ~= nil or res.ok == nil and res.rows == nil then
        error(
            __TS__New(MoveError, (what .. ": ") .. (res.error or "no result")),
            0
        )
    end
    return res
end
function ____exports.affected(sql, what)
    local ____opt_0 = ____exports.run(sql, what).ok
    return ____opt_0 and ____opt_0.affected_rows or 0
end
--- `work` between BEGIN and COMMIT; undefined when anything failed (rolled back, logged as `what`).
function ____exports.inTransaction(what, work)
    if not session.ensureTables() then
        return nil
    end
    if session.exec("BEGIN").error ~= nil then
        return nil
    end
    do
        local function ____catch(e)
            session.exec("ROLLBACK")
            ngx.log(
                ngx.WARN,
                (("health writer: " .. what) .. " rolled back: ") .. (__TS__InstanceOf(e, MoveError) and e.why or tostring(e))
            )
            return true, nil
        end
        local ____try, ____hasReturned, ____returnValue = pcall(function()
            local out = work()
            ____exports.run("COMMIT", "commit")
            return true, out
        end)
        if not ____try then
            ____hasReturned, ____returnValue = ____catch(____hasReturned)
        end
        if ____hasReturned then
            return ____returnValue
        end
    end
end
return ____exports
