local ____lualib = require("lualib_bundle")
local __TS__NumberToFixed = ____lualib.__TS__NumberToFixed
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["11"] = 5,["12"] = 5,["13"] = 5,["14"] = 5,["15"] = 5,["16"] = 6,["17"] = 6,["18"] = 6,["20"] = 9,["22"] = 11,["23"] = 12,["24"] = 13,["25"] = 18,["26"] = 19,["27"] = 19,["28"] = 19,["31"] = 20,["32"] = 21,["33"] = 21,["35"] = 22,["36"] = 18,["38"] = 26,["39"] = 27,["40"] = 26,["42"] = 31,["43"] = 32,["44"] = 32,["45"] = 32,["46"] = 32,["47"] = 32,["48"] = 31,["49"] = 35,["50"] = 36,["51"] = 35,["54"] = 43,["55"] = 44,["56"] = 44,["57"] = 44,["58"] = 44,["59"] = 44,["60"] = 43,["62"] = 51,["63"] = 51,["64"] = 51,["67"] = 52,["68"] = 52,["69"] = 53,["70"] = 53,["72"] = 52,["75"] = 55,["76"] = 51,["80"] = 63,["81"] = 63,["82"] = 63,["84"] = 64,["85"] = 65,["87"] = 66,["88"] = 66,["89"] = 66,["90"] = 66,["93"] = 67,["94"] = 63,["96"] = 71,["97"] = 71,["98"] = 71,["100"] = 72,["101"] = 73,["102"] = 73,["104"] = 74,["105"] = 74,["107"] = 76,["108"] = 77,["109"] = 71,["111"] = 81,["112"] = 82,["113"] = 82,["115"] = 83,["116"] = 83,["118"] = 84,["119"] = 84,["121"] = 85,["122"] = 85,["124"] = 86,["125"] = 86,["127"] = 87,["128"] = 88,["129"] = 88,["131"] = 89,["132"] = 89,["134"] = 90,["135"] = 81,["136"] = 93,["137"] = 94,["138"] = 94,["140"] = 95,["141"] = 95,["142"] = 95,["143"] = 95,["144"] = 93,["146"] = 99,["147"] = 100,["148"] = 100,["149"] = 100,["150"] = 100,["151"] = 100,["152"] = 100,["153"] = 100,["154"] = 100,["155"] = 100,["156"] = 99,["158"] = 104,["159"] = 105,["160"] = 105,["161"] = 105,["162"] = 105,["163"] = 105,["164"] = 104,["165"] = 123,["166"] = 124,["167"] = 125,["168"] = 125,["170"] = 126,["171"] = 123,["172"] = 129,["173"] = 130,["174"] = 131,["175"] = 132,["176"] = 133,["177"] = 134,["178"] = 135,["179"] = 136,["181"] = 137,["182"] = 137,["183"] = 137,["184"] = 137,["187"] = 138,["189"] = 140,["191"] = 142,["192"] = 129,["194"] = 146,["195"] = 147,["196"] = 148,["199"] = 149,["200"] = 149,["201"] = 146,["203"] = 153,["204"] = 154,["205"] = 155,["208"] = 156,["209"] = 157,["211"] = 158,["212"] = 158,["213"] = 158,["214"] = 158,["215"] = 158,["218"] = 159,["219"] = 153,["222"] = 172,["223"] = 173,["224"] = 174,["225"] = 175,["226"] = 176,["227"] = 176,["228"] = 176,["230"] = 177,["231"] = 178,["232"] = 179,["233"] = 179,["235"] = 180,["236"] = 181,["237"] = 182,["238"] = 182,["240"] = 183,["241"] = 184,["242"] = 184,["244"] = 185,["245"] = 186,["246"] = 187,["247"] = 187,["248"] = 188,["249"] = 189,["250"] = 190,["251"] = 191,["252"] = 191,["253"] = 191,["256"] = 193,["257"] = 194,["258"] = 194,["259"] = 195,["260"] = 196,["261"] = 197,["262"] = 198,["263"] = 199,["265"] = 201,["266"] = 201,["267"] = 201,["269"] = 202,["275"] = 205,["276"] = 172,["277"] = 211,["278"] = 212,["280"] = 213,["281"] = 213,["282"] = 213,["283"] = 213,["286"] = 214,["287"] = 214,["289"] = 215,["290"] = 211,["291"] = 218,["292"] = 219,["293"] = 221,["294"] = 222,["295"] = 222,["296"] = 222,["300"] = 224,["301"] = 225,["303"] = 227,["304"] = 228,["305"] = 228,["307"] = 229,["308"] = 229,["309"] = 229,["310"] = 229,["311"] = 230,["312"] = 230,["313"] = 230,["314"] = 230,["315"] = 218,["317"] = 234,["318"] = 235,["319"] = 236,["320"] = 237,["321"] = 238,["322"] = 239,["324"] = 240,["325"] = 241,["326"] = 242,["328"] = 245,["329"] = 246,["331"] = 247,["332"] = 247,["333"] = 248,["334"] = 249,["335"] = 249,["336"] = 249,["337"] = 249,["338"] = 249,["339"] = 247,["342"] = 251,["343"] = 252,["344"] = 253,["345"] = 254,["350"] = 257,["351"] = 258,["352"] = 234,["353"] = 261});
local ____exports = {}
local ____metrics_catalog = require("core.metrics_catalog")
local FAMILIES = ____metrics_catalog.FAMILIES
local LATENCY_BUCKETS = ____metrics_catalog.LATENCY_BUCKETS
local familyOf = ____metrics_catalog.familyOf
local labelName = ____metrics_catalog.labelName
local ____text = require("core.text")
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
                goto __continue49
            end
            local n = #family.labels
            local values = __TS__ArraySlice(fields, 1, 1 + n)
            if #values ~= n then
                goto __continue49
            end
            local part = #fields == n + 2 and fields[n + 1 + 1] or nil
            if #fields > n + 2 then
                goto __continue49
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
        ::__continue49::
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
                    goto __continue79
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
            ::__continue79::
        end
    end
    lines[#lines + 1] = ""
    return table.concat(lines, "\n")
end
____exports.CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
return ____exports
