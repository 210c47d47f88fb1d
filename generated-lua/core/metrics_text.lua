local ____lualib = require("lualib_bundle")
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__NumberToFixed = ____lualib.__TS__NumberToFixed
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["12"] = 5,["13"] = 5,["14"] = 5,["15"] = 5,["16"] = 5,["17"] = 6,["18"] = 6,["19"] = 6,["20"] = 6,["22"] = 9,["24"] = 11,["25"] = 12,["26"] = 13,["27"] = 18,["28"] = 19,["29"] = 19,["30"] = 19,["33"] = 20,["34"] = 21,["35"] = 21,["37"] = 22,["38"] = 18,["40"] = 26,["41"] = 27,["42"] = 26,["44"] = 31,["45"] = 32,["46"] = 32,["47"] = 32,["48"] = 32,["49"] = 32,["50"] = 31,["51"] = 35,["52"] = 36,["53"] = 35,["56"] = 43,["57"] = 44,["58"] = 44,["59"] = 44,["60"] = 44,["61"] = 44,["62"] = 43,["64"] = 51,["65"] = 51,["66"] = 51,["69"] = 52,["70"] = 52,["71"] = 53,["72"] = 53,["74"] = 52,["77"] = 55,["78"] = 51,["82"] = 63,["83"] = 63,["84"] = 63,["86"] = 64,["87"] = 65,["89"] = 66,["90"] = 66,["91"] = 66,["92"] = 66,["95"] = 67,["96"] = 63,["98"] = 71,["99"] = 71,["100"] = 71,["102"] = 72,["103"] = 73,["104"] = 73,["106"] = 74,["107"] = 74,["109"] = 76,["110"] = 77,["111"] = 71,["116"] = 86,["117"] = 87,["118"] = 88,["119"] = 88,["121"] = 89,["122"] = 90,["123"] = 91,["124"] = 92,["127"] = 93,["129"] = 96,["130"] = 96,["132"] = 97,["133"] = 98,["134"] = 99,["136"] = 100,["137"] = 100,["138"] = 101,["139"] = 102,["140"] = 103,["141"] = 103,["143"] = 104,["144"] = 105,["145"] = 106,["146"] = 107,["147"] = 108,["149"] = 110,["150"] = 111,["152"] = 100,["155"] = 114,["156"] = 114,["158"] = 115,["159"] = 86,["161"] = 119,["162"] = 120,["163"] = 120,["165"] = 121,["166"] = 121,["168"] = 122,["169"] = 122,["171"] = 123,["172"] = 123,["174"] = 124,["175"] = 124,["177"] = 125,["178"] = 126,["179"] = 126,["181"] = 127,["182"] = 127,["184"] = 128,["185"] = 119,["186"] = 131,["187"] = 132,["188"] = 132,["190"] = 133,["191"] = 133,["192"] = 133,["193"] = 133,["194"] = 131,["196"] = 137,["197"] = 138,["198"] = 138,["199"] = 138,["200"] = 138,["201"] = 138,["202"] = 138,["203"] = 138,["204"] = 138,["205"] = 138,["206"] = 137,["208"] = 142,["209"] = 143,["210"] = 143,["211"] = 143,["212"] = 143,["213"] = 143,["214"] = 142,["215"] = 161,["216"] = 162,["217"] = 163,["218"] = 163,["220"] = 164,["221"] = 161,["222"] = 167,["223"] = 168,["224"] = 169,["225"] = 170,["226"] = 171,["227"] = 172,["228"] = 173,["229"] = 174,["231"] = 175,["232"] = 175,["233"] = 175,["234"] = 175,["237"] = 176,["239"] = 178,["241"] = 180,["242"] = 167,["244"] = 184,["245"] = 185,["246"] = 186,["249"] = 187,["250"] = 187,["251"] = 184,["253"] = 191,["254"] = 192,["255"] = 193,["258"] = 194,["259"] = 195,["261"] = 196,["262"] = 196,["263"] = 196,["264"] = 196,["265"] = 196,["268"] = 197,["269"] = 191,["272"] = 210,["273"] = 211,["274"] = 212,["275"] = 213,["276"] = 214,["277"] = 214,["278"] = 214,["280"] = 215,["281"] = 216,["282"] = 217,["283"] = 217,["285"] = 218,["286"] = 219,["287"] = 220,["288"] = 220,["290"] = 221,["291"] = 222,["292"] = 222,["294"] = 223,["295"] = 224,["296"] = 225,["297"] = 225,["298"] = 226,["299"] = 227,["300"] = 228,["301"] = 229,["302"] = 229,["303"] = 229,["306"] = 231,["307"] = 232,["308"] = 232,["309"] = 233,["310"] = 234,["311"] = 235,["312"] = 236,["313"] = 237,["315"] = 239,["316"] = 239,["317"] = 239,["319"] = 240,["325"] = 243,["326"] = 210,["327"] = 249,["328"] = 250,["330"] = 251,["331"] = 251,["332"] = 251,["333"] = 251,["336"] = 252,["337"] = 252,["339"] = 253,["340"] = 249,["341"] = 256,["342"] = 257,["343"] = 259,["344"] = 260,["345"] = 260,["346"] = 260,["350"] = 262,["351"] = 263,["353"] = 265,["354"] = 266,["355"] = 266,["357"] = 267,["358"] = 267,["359"] = 267,["360"] = 267,["361"] = 268,["362"] = 268,["363"] = 268,["364"] = 268,["365"] = 256,["367"] = 272,["368"] = 273,["369"] = 274,["370"] = 275,["371"] = 276,["372"] = 277,["374"] = 278,["375"] = 279,["376"] = 280,["378"] = 283,["379"] = 284,["381"] = 285,["382"] = 285,["383"] = 286,["384"] = 287,["385"] = 287,["386"] = 287,["387"] = 287,["388"] = 287,["389"] = 285,["392"] = 289,["393"] = 290,["394"] = 291,["395"] = 292,["400"] = 295,["401"] = 296,["402"] = 272,["403"] = 299});
local ____exports = {}
local ____metrics_catalog = require("core.metrics_catalog")
local FAMILIES = ____metrics_catalog.FAMILIES
local LATENCY_BUCKETS = ____metrics_catalog.LATENCY_BUCKETS
local familyOf = ____metrics_catalog.familyOf
local labelName = ____metrics_catalog.labelName
local ____text = require("core.text")
local isDigit = ____text.isDigit
local parseDecimal = ____text.parseDecimal
local splitOn = ____text.splitOn
--- Separates a key's family name, label values and part. Node ids and enums never contain it.
local SEP = "|"
--- Key parts: a histogram bucket ("b3"), a histogram sum, a per-process gauge share ("p1234").
local BUCKET_PART = "b"
local SUM_PART = "sum"
local PROCESS_PART = "p"
local function joinKey(name, values, part)
    for ____, v in ipairs(values) do
        if (string.find(v, SEP, nil, true) or 0) - 1 >= 0 then
            return nil
        end
    end
    local key = name
    for ____, v in ipairs(values) do
        key = (key .. SEP) .. v
    end
    return part == nil and key or (key .. SEP) .. part
end
--- A counter or gauge sample; undefined when a label value could not be stored safely.
function ____exports.sampleKey(name, values)
    return joinKey(name, values, nil)
end
--- Bucket `index` of a histogram (LATENCY_BUCKETS.length is the +Inf overflow).
function ____exports.bucketKey(name, values, index)
    return joinKey(
        name,
        values,
        BUCKET_PART .. tostring(index)
    )
end
function ____exports.sumKey(name, values)
    return joinKey(name, values, SUM_PART)
end
--- One worker's share of a gauge (open WebSockets): a worker that dies takes its connections with
-- it, so its share must be dropped rather than left counted (see collect()).
function ____exports.processKey(name, values, pid)
    return joinKey(
        name,
        values,
        PROCESS_PART .. tostring(pid)
    )
end
--- The bucket of a duration: the first bound >= seconds; bounds.length means +Inf.
function ____exports.bucketIndex(seconds, bounds)
    if bounds == nil then
        bounds = LATENCY_BUCKETS
    end
    do
        local i = 0
        while i < #bounds do
            if seconds <= bounds[i + 1] then
                return i
            end
            i = i + 1
        end
    end
    return #bounds
end
--- bucketIndex as a lookup, for the request path (a loop there keeps LuaJIT from compiling the
-- log phase): the bucket of every whole millisecond up to the largest bound. The bounds must
-- be whole milliseconds, as LATENCY_BUCKETS are.
function ____exports.millisecondBuckets(bounds)
    if bounds == nil then
        bounds = LATENCY_BUCKETS
    end
    local byMs = {}
    local top = math.floor(bounds[#bounds] * 1000 + 0.5)
    do
        local ms = 0
        while ms <= top do
            byMs[#byMs + 1] = ____exports.bucketIndex(ms / 1000, bounds)
            ms = ms + 1
        end
    end
    return byMs
end
--- bucketIndex(seconds, bounds) through the table of millisecondBuckets(bounds).
function ____exports.bucketOf(seconds, byMs, bounds)
    if bounds == nil then
        bounds = LATENCY_BUCKETS
    end
    local ms = math.floor(seconds * 1000)
    if not (ms >= 0) then
        return ____exports.bucketIndex(seconds, bounds)
    end
    if ms >= #byMs then
        return #bounds
    end
    local i = byMs[ms + 1]
    return i < #bounds and seconds > bounds[i + 1] and i + 1 or i
end
--- The last try's time in $upstream_response_time: "0.012", "0.003, 0.012" (a retry) or
-- "0.003 : 0.012" (an internal redirect); the last try is the node that answered. Decimal
-- seconds only ("-" for a try that got no answer gives undefined). One pass over char codes
-- and no allocation: this runs for every proxied request.
function ____exports.lastUpstreamTime(text)
    local ____end = #text
    while ____end > 0 and __TS__StringCharCodeAt(text, ____end - 1) == 32 do
        ____end = ____end - 1
    end
    local start = ____end
    while start > 0 do
        local c = __TS__StringCharCodeAt(text, start - 1)
        if c == 44 or c == 58 or c == 32 then
            break
        end
        start = start - 1
    end
    if start == ____end or ____end - start > 15 then
        return nil
    end
    local whole = 0
    local frac = 0
    local fracDigits = -1
    do
        local i = start
        while i < ____end do
            local c = __TS__StringCharCodeAt(text, i)
            if c == 46 then
                if fracDigits >= 0 or i == start then
                    return nil
                end
                fracDigits = 0
            elseif not isDigit(c) then
                return nil
            elseif fracDigits < 0 then
                whole = whole * 10 + (c - 48)
            else
                frac = frac * 10 + (c - 48)
                fracDigits = fracDigits + 1
            end
            i = i + 1
        end
    end
    if fracDigits == 0 then
        return nil
    end
    return fracDigits < 0 and whole or whole + frac / 10 ^ fracDigits
end
--- Integers in full, other values with at most 6 decimals: the same text from Lua and from JS.
function ____exports.formatValue(v)
    if v ~= v then
        return "NaN"
    end
    if v == math.huge then
        return "+Inf"
    end
    if v == -math.huge then
        return "-Inf"
    end
    if v == 0 then
        return "0"
    end
    if math.floor(v) == v then
        return __TS__NumberToFixed(v, 0)
    end
    local s = __TS__NumberToFixed(v, 6)
    while __TS__StringCharAt(s, #s - 1) == "0" do
        s = __TS__StringSubstring(s, 0, #s - 1)
    end
    if __TS__StringCharAt(s, #s - 1) == "." then
        s = __TS__StringSubstring(s, 0, #s - 1)
    end
    return s == "-0" and "0" or s
end
local function replaceAll(s, from, to)
    if (string.find(s, from, nil, true) or 0) - 1 < 0 then
        return s
    end
    return table.concat(
        splitOn(s, from),
        to or ","
    )
end
--- Label values: backslash, double quote and line feed are escaped.
function ____exports.escapeLabelValue(s)
    return replaceAll(
        replaceAll(
            replaceAll(s, "\\", "\\\\"),
            "\"",
            "\\\""
        ),
        "\n",
        "\\n"
    )
end
--- HELP text: backslash and line feed are escaped.
function ____exports.escapeHelp(s)
    return replaceAll(
        replaceAll(s, "\\", "\\\\"),
        "\n",
        "\\n"
    )
end
function ____exports.newCollected()
    local c = {}
    for ____, f in ipairs(FAMILIES) do
        c[f.name] = {}
    end
    return c
end
local function seriesOf(c, family, values)
    local byLabels = c[family.name]
    local id = table.concat(values, SEP or ",")
    local s = byLabels[id]
    if s == nil then
        s = {values = values, value = 0, buckets = nil, sum = 0}
        if family.type == "histogram" then
            local buckets = {}
            do
                local i = 0
                while i <= #LATENCY_BUCKETS do
                    buckets[#buckets + 1] = 0
                    i = i + 1
                end
            end
            s.buckets = buckets
        end
        byLabels[id] = s
    end
    return s
end
--- Adds `value` to a counter or gauge series (created at 0). Unknown families are ignored.
function ____exports.addSample(c, name, values, value)
    local family = familyOf(name)
    if family == nil or family.type == "histogram" or #values ~= #family.labels then
        return
    end
    local ____seriesOf_result_0, ____value_1 = seriesOf(c, family, values), "value"
    ____seriesOf_result_0[____value_1] = ____seriesOf_result_0[____value_1] + value
end
--- Adds a whole series of values to a histogram (counts per bucket, and their sum).
function ____exports.addHistogram(c, name, values, buckets, sum)
    local family = familyOf(name)
    if family == nil or family.type ~= "histogram" or #values ~= #family.labels then
        return
    end
    local s = seriesOf(c, family, values)
    local own = s.buckets
    do
        local i = 0
        while i < #own and i < #buckets do
            local ____own_2, ____temp_3 = own, i + 1
            ____own_2[____temp_3] = ____own_2[____temp_3] + buckets[i + 1]
            i = i + 1
        end
    end
    s.sum = s.sum + sum
end
--- Turns shared-dict entries into series. Keys of unknown families are skipped (the dict holds
-- other bookkeeping too); a per-process share counts only while `alive(pid)` says so.
function ____exports.collect(entries, alive)
    local c = ____exports.newCollected()
    local deadKeys = {}
    local liveness = {}
    for ____, ____value in ipairs(entries) do
        local key = ____value[1]
        local value = ____value[2]
        do
            local fields = splitOn(key, SEP)
            local family = familyOf(fields[1])
            if family == nil then
                goto __continue62
            end
            local n = #family.labels
            local values = __TS__ArraySlice(fields, 1, 1 + n)
            if #values ~= n then
                goto __continue62
            end
            local part = #fields == n + 2 and fields[n + 1 + 1] or nil
            if #fields > n + 2 then
                goto __continue62
            end
            if family.type == "histogram" then
                if part == SUM_PART then
                    local ____seriesOf_result_4, ____sum_5 = seriesOf(c, family, values), "sum"
                    ____seriesOf_result_4[____sum_5] = ____seriesOf_result_4[____sum_5] + value
                elseif part ~= nil and __TS__StringSubstring(part, 0, 1) == BUCKET_PART then
                    local index = parseDecimal(__TS__StringSubstring(part, 1))
                    local buckets = seriesOf(c, family, values).buckets
                    if index ~= nil and index < #buckets then
                        local ____buckets_6, ____temp_7 = buckets, index + 1
                        ____buckets_6[____temp_7] = ____buckets_6[____temp_7] + value
                    end
                end
            elseif part == nil then
                local ____seriesOf_result_8, ____value_9 = seriesOf(c, family, values), "value"
                ____seriesOf_result_8[____value_9] = ____seriesOf_result_8[____value_9] + value
            elseif __TS__StringSubstring(part, 0, 1) == PROCESS_PART then
                local pid = __TS__StringSubstring(part, 1)
                if liveness[pid] == nil then
                    local parsed = parseDecimal(pid)
                    liveness[pid] = parsed ~= nil and alive(parsed)
                end
                if liveness[pid] then
                    local ____seriesOf_result_10, ____value_11 = seriesOf(c, family, values), "value"
                    ____seriesOf_result_10[____value_11] = ____seriesOf_result_10[____value_11] + value
                else
                    deadKeys[#deadKeys + 1] = key
                end
            end
        end
        ::__continue62::
    end
    return {collected = c, deadKeys = deadKeys}
end
local function labelText(family, values, extra)
    local parts = {}
    do
        local i = 0
        while i < #family.labels do
            parts[#parts + 1] = ((labelName(family.labels[i + 1]) .. "=\"") .. ____exports.escapeLabelValue(values[i + 1])) .. "\""
            i = i + 1
        end
    end
    if extra ~= nil then
        parts[#parts + 1] = extra
    end
    return #parts == 0 and "" or ("{" .. table.concat(parts, ",")) .. "}"
end
local function sortedSeries(c, family)
    local byLabels = c[family.name] or ({})
    if family.zeroes ~= nil and #family.labels == 1 then
        for ____, z in ipairs(family.zeroes) do
            if byLabels[z] == nil then
                byLabels[z] = {values = {z}, value = 0, buckets = nil, sum = 0}
            end
        end
    end
    if #family.labels == 0 and family.type ~= "histogram" and byLabels[""] == nil then
        byLabels[""] = {values = {}, value = 0, buckets = nil, sum = 0}
    end
    local ids = {}
    for id in pairs(byLabels) do
        ids[#ids + 1] = id
    end
    __TS__ArraySort(
        ids,
        function(____, a, b) return a < b and -1 or (a > b and 1 or 0) end
    )
    return __TS__ArrayMap(
        ids,
        function(____, id) return byLabels[id] end
    )
end
--- The exposition text of every family, in catalog order, series sorted by label values.
function ____exports.render(c)
    local lines = {}
    for ____, family in ipairs(FAMILIES) do
        lines[#lines + 1] = (("# HELP " .. family.name) .. " ") .. ____exports.escapeHelp(family.help)
        lines[#lines + 1] = (("# TYPE " .. family.name) .. " ") .. family.type
        for ____, s in ipairs(sortedSeries(c, family)) do
            do
                if family.type ~= "histogram" then
                    lines[#lines + 1] = ((family.name .. labelText(family, s.values, nil)) .. " ") .. ____exports.formatValue(s.value)
                    goto __continue92
                end
                local buckets = s.buckets
                local total = 0
                do
                    local i = 0
                    while i < #LATENCY_BUCKETS do
                        total = total + buckets[i + 1]
                        lines[#lines + 1] = (((family.name .. "_bucket") .. labelText(
                            family,
                            s.values,
                            ("le=\"" .. ____exports.formatValue(LATENCY_BUCKETS[i + 1])) .. "\""
                        )) .. " ") .. ____exports.formatValue(total)
                        i = i + 1
                    end
                end
                total = total + buckets[#LATENCY_BUCKETS + 1]
                lines[#lines + 1] = (((family.name .. "_bucket") .. labelText(family, s.values, "le=\"+Inf\"")) .. " ") .. ____exports.formatValue(total)
                lines[#lines + 1] = (((family.name .. "_sum") .. labelText(family, s.values, nil)) .. " ") .. ____exports.formatValue(s.sum)
                lines[#lines + 1] = (((family.name .. "_count") .. labelText(family, s.values, nil)) .. " ") .. ____exports.formatValue(total)
            end
            ::__continue92::
        end
    end
    lines[#lines + 1] = ""
    return table.concat(lines, "\n")
end
____exports.CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
return ____exports
