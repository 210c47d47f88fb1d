local ____lualib = require("lualib_bundle")
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SparseArrayNew = ____lualib.__TS__SparseArrayNew
local __TS__SparseArrayPush = ____lualib.__TS__SparseArrayPush
local __TS__SparseArraySpread = ____lualib.__TS__SparseArraySpread
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["11"] = 82,["12"] = 82,["13"] = 82,["14"] = 82,["15"] = 82,["16"] = 82,["17"] = 82,["19"] = 85,["20"] = 86,["21"] = 87,["23"] = 88,["24"] = 88,["25"] = 89,["26"] = 90,["27"] = 91,["28"] = 92,["30"] = 88,["33"] = 95,["34"] = 85,["36"] = 99,["37"] = 100,["38"] = 100,["40"] = 101,["41"] = 101,["43"] = 102,["44"] = 102,["46"] = 103,["47"] = 103,["49"] = 104,["50"] = 99,["51"] = 107,["52"] = 108,["53"] = 107,["54"] = 111,["55"] = 111,["56"] = 111,["57"] = 111,["58"] = 111,["59"] = 111,["60"] = 111,["61"] = 111,["62"] = 111,["63"] = 111,["64"] = 111,["65"] = 111,["66"] = 111,["67"] = 111,["68"] = 111,["69"] = 111,["70"] = 111,["71"] = 111,["72"] = 111,["73"] = 111,["74"] = 111,["75"] = 111,["76"] = 134,["77"] = 135,["78"] = 134,["79"] = 138,["80"] = 139,["81"] = 140,["82"] = 140,["83"] = 140,["84"] = 140,["85"] = 140,["87"] = 141,["88"] = 142,["89"] = 142,["90"] = 142,["91"] = 142,["92"] = 142,["93"] = 142,["94"] = 142,["95"] = 138,["96"] = 145,["97"] = 146,["98"] = 147,["99"] = 148,["100"] = 149,["101"] = 150,["102"] = 153,["103"] = 154,["105"] = 156,["106"] = 157,["108"] = 158,["109"] = 158,["111"] = 159,["112"] = 160,["114"] = 164,["115"] = 145,["116"] = 167,["117"] = 168,["118"] = 169,["119"] = 170,["120"] = 171,["121"] = 172,["122"] = 173,["123"] = 173,["124"] = 173,["125"] = 173,["126"] = 173,["127"] = 173,["128"] = 173,["129"] = 173,["130"] = 173,["131"] = 173,["132"] = 173,["133"] = 173,["134"] = 173,["135"] = 173,["136"] = 173,["137"] = 173,["138"] = 173,["139"] = 173,["140"] = 167,["141"] = 190,["142"] = 191,["143"] = 192,["144"] = 193,["145"] = 194,["146"] = 195,["147"] = 195,["148"] = 196,["149"] = 196,["151"] = 197,["152"] = 197,["155"] = 199,["156"] = 200,["157"] = 201,["158"] = 202,["159"] = 202,["160"] = 202,["161"] = 202,["162"] = 203,["163"] = 203,["166"] = 205,["167"] = 206,["168"] = 207,["169"] = 208,["170"] = 209,["171"] = 210,["172"] = 211,["173"] = 212,["174"] = 213,["175"] = 214,["176"] = 214,["177"] = 214,["178"] = 213,["179"] = 213,["180"] = 213,["181"] = 217,["182"] = 217,["183"] = 217,["184"] = 217,["185"] = 218,["186"] = 218,["187"] = 218,["188"] = 218,["189"] = 219,["190"] = 220,["191"] = 220,["192"] = 220,["193"] = 220,["194"] = 221,["195"] = 222,["199"] = 223,["200"] = 224,["204"] = 225,["205"] = 226,["206"] = 227,["207"] = 228,["208"] = 229,["209"] = 230,["210"] = 231,["212"] = 204,["213"] = 204,["214"] = 204,["215"] = 204,["216"] = 190});
local ____exports = {}
local HTML_ESCAPES = {
    ["&"] = "&amp;",
    ["<"] = "&lt;",
    [">"] = "&gt;",
    ["\""] = "&quot;",
    ["'"] = "&#39;"
}
--- Text for element content and quoted attribute values.
function ____exports.escapeHtml(s)
    local out = ""
    local from = 0
    do
        local i = 0
        while i < #s do
            local e = HTML_ESCAPES[__TS__StringCharAt(s, i)]
            if e ~= nil then
                out = (out .. __TS__StringSubstring(s, from, i)) .. e
                from = i + 1
            end
            i = i + 1
        end
    end
    return from == 0 and s or out .. __TS__StringSubstring(s, from)
end
--- "<1 s", "42 s", "7 min", "3 h", "2 d": whole units, the same in both runtimes.
function ____exports.formatAge(seconds)
    if seconds < 1 then
        return "<1 s"
    end
    if seconds < 120 then
        return tostring(math.floor(seconds)) .. " s"
    end
    if seconds < 7200 then
        return tostring(math.floor(seconds / 60)) .. " min"
    end
    if seconds < 172800 then
        return tostring(math.floor(seconds / 3600)) .. " h"
    end
    return tostring(math.floor(seconds / 86400)) .. " d"
end
local function pill(text, tone)
    return ((("<span class=\"pill " .. tone) .. "\">") .. ____exports.escapeHtml(text)) .. "</span>"
end
local STYLE = table.concat({
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#1d2430;background:#f6f7f9}",
    "h1{font-size:20px;margin:0 0 12px}",
    ".summary{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:16px}",
    ".card{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:10px 14px;min-width:140px}",
    ".card b{display:block;font-size:18px}",
    ".card small{color:#5b6574}",
    ".banner{border-radius:8px;padding:10px 14px;margin-bottom:12px;font-weight:600}",
    ".banner.bad{background:#fdecec;border:1px solid #f3b4b4;color:#8a1c1c}",
    ".banner.warn{background:#fff6e0;border:1px solid #f1d38a;color:#7a5400}",
    "table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #dde1e7;border-radius:8px}",
    "th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #eceff3;vertical-align:top}",
    "th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#5b6574}",
    "td.num{text-align:right;font-variant-numeric:tabular-nums}",
    ".pill{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}",
    ".good{background:#e3f6e8;color:#17692f}.bad{background:#fdecec;color:#a11d1d}",
    ".warn{background:#fff1cc;color:#7a5400}.muted{background:#eceff3;color:#5b6574}",
    ".id{font-weight:600}.sub{color:#5b6574;font-size:12px}",
    ".bar{height:6px;background:#eceff3;border-radius:3px;margin-top:4px}.bar i{display:block;height:6px;background:#4a7bd0;border-radius:3px}",
    "footer{margin-top:14px;color:#5b6574;font-size:12px}",
    "a{color:#2f5fb3}"
}, "")
local function card(value, label)
    return ((("<div class=\"card\"><b>" .. value) .. "</b><small>") .. ____exports.escapeHtml(label)) .. "</small></div>"
end
local function snapshotCard(v)
    local s = v.snapshot
    if s.ageS == nil then
        return card(
            pill("never read", "bad"),
            "snapshot"
        )
    end
    local tone = (s.lastError ~= nil or s.ageS > v.staleAfterS) and "bad" or "good"
    return card(
        pill(
            ____exports.formatAge(s.ageS) .. " old",
            tone
        ),
        "snapshot v" .. tostring(s.version)
    )
end
local function banners(v)
    local out = {}
    local s = v.snapshot
    if s.lastError ~= nil then
        local since = s.failingSinceS == nil and "" or " for " .. ____exports.formatAge(s.failingSinceS)
        out[#out + 1] = ((("<div class=\"banner bad\">Registry reads failing" .. ____exports.escapeHtml(since)) .. ": ") .. ____exports.escapeHtml(s.lastError)) .. ". Routing continues from the last snapshot.</div>"
    elseif s.ageS ~= nil and s.ageS > v.staleAfterS then
        out[#out + 1] = ("<div class=\"banner bad\">The snapshot is " .. ____exports.escapeHtml(____exports.formatAge(s.ageS))) .. " old: the registry is not being read.</div>"
    end
    if v.allDownFallback then
        out[#out + 1] = "<div class=\"banner bad\">Every node fails the router's health checks: requests go to the registry's online nodes.</div>"
    end
    if s.setupComplete == false then
        out[#out + 1] = "<div class=\"banner warn\">Setup is not finished: every request goes to the primary.</div>"
    end
    if v.agents.lastError ~= nil then
        out[#out + 1] = ("<div class=\"banner warn\">The agents' reports cannot be read: " .. ____exports.escapeHtml(v.agents.lastError)) .. ". Hand-over is shown as last read.</div>"
    end
    return out
end
local function nodeRow(n, maxOwned)
    local name = n.name ~= "" and n.name ~= n.id and ("<div class=\"sub\">" .. ____exports.escapeHtml(n.name)) .. "</div>" or ""
    local primary = n.primary and " " .. pill("primary", "muted") or ""
    local width = maxOwned > 0 and math.floor(n.owned * 100 / maxOwned) or 0
    local seen = n.lastSeenAgeS < 0 and "never" or ____exports.formatAge(n.lastSeenAgeS) .. " ago"
    local handover = n.handover == "trigger" and pill("trigger", "good") or pill("timer", "warn")
    return table.concat(
        {
            "<tr>",
            (((("<td><span class=\"id\">" .. ____exports.escapeHtml(n.id)) .. "</span>") .. primary) .. name) .. "</td>",
            ("<td>" .. (n.foreign == true and pill("foreign", "muted") or (n.healthUp and pill("up", "good") or pill("down", "bad")))) .. "</td>",
            ("<td>" .. (n.registryOnline and pill("online", "good") or pill("offline", "warn"))) .. "</td>",
            ((("<td class=\"num\">" .. tostring(n.owned)) .. "<div class=\"bar\"><i style=\"width:") .. tostring(width)) .. "%\"></i></div></td>",
            ("<td class=\"num\">" .. tostring(n.away)) .. "</td>",
            ((("<td>" .. handover) .. "<div class=\"sub\">") .. ____exports.escapeHtml(n.handoverReason)) .. "</div></td>",
            ("<td class=\"num\">" .. tostring(n.pinnedLastMinute or "off")) .. "</td>",
            ("<td class=\"num\">" .. tostring(n.websockets or "off")) .. "</td>",
            ("<td>" .. ____exports.escapeHtml(n.lastProbe or "not probed yet")) .. "</td>",
            ("<td>" .. ____exports.escapeHtml(seen)) .. "</td>",
            ("<td><code>" .. ____exports.escapeHtml(n.host or "no address")) .. "</code></td>",
            "</tr>"
        },
        ""
    )
end
function ____exports.renderStatusPage(v)
    local up = 0
    local foreign = 0
    local maxOwned = 0
    for ____, n in ipairs(v.nodes) do
        if n.foreign == true then
            foreign = foreign + 1
        elseif n.healthUp then
            up = up + 1
        end
        if n.owned > maxOwned then
            maxOwned = n.owned
        end
    end
    local nodesTone = up == 0 and "bad" or (up < v.expectedNodes and "warn" or "good")
    local monitors = v.snapshot.monitors == nil and "?" or tostring(v.snapshot.monitors)
    local moved = v.snapshot.moved == nil and "?" or tostring(v.snapshot.moved)
    local rows = __TS__ArrayMap(
        v.nodes,
        function(____, n) return nodeRow(n, maxOwned) end
    )
    if #rows == 0 then
        rows[#rows + 1] = "<tr><td colspan=\"11\">No node is registered.</td></tr>"
    end
    local ____array_0 = __TS__SparseArrayNew(
        "<!DOCTYPE html>",
        "<html lang=\"en\"><head><meta charset=\"utf-8\">",
        ("<meta http-equiv=\"refresh\" content=\"" .. tostring(v.refreshS)) .. "\">",
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">",
        "<title>kuma-cluster-router status</title>",
        ("<style>" .. STYLE) .. "</style></head><body>",
        ("<h1>Uptime Kuma cluster <span class=\"sub\">" .. ____exports.escapeHtml(v.environment)) .. "</span></h1>",
        "<div class=\"summary\">",
        card(
            pill(
                ((tostring(up) .. " of ") .. tostring(#v.nodes - foreign)) .. " up",
                nodesTone
            ),
            (("nodes (" .. tostring(v.expectedNodes)) .. " expected)") .. (foreign > 0 and (", " .. tostring(foreign)) .. " foreign" or "")
        ),
        card(
            ____exports.escapeHtml(monitors),
            "active monitors"
        ),
        card(
            ____exports.escapeHtml(moved),
            "moved by the router"
        ),
        snapshotCard(v),
        card(
            v.snapshot.setupComplete == false and pill("not finished", "warn") or pill("complete", "good"),
            "setup"
        ),
        "</div>",
        unpack(banners(v))
    )
    __TS__SparseArrayPush(
        ____array_0,
        "<table><thead><tr><th>Node</th><th>Health</th><th>Registry</th><th>Monitors</th><th>Away</th><th>Hand-over</th><th>Pinned/min</th><th>WebSockets</th><th>Last probe</th><th>Last seen</th><th>Host</th></tr></thead><tbody>",
        unpack(rows)
    )
    __TS__SparseArrayPush(
        ____array_0,
        "</tbody></table>",
        ((("<footer>Generated " .. ____exports.escapeHtml(v.generatedAt)) .. " UTC by this router, refreshed every ") .. tostring(v.refreshS)) .. " s. Health: this router's checks (\"foreign\": another world's node, left to its own router); registry: node.status. ",
        "Away: monitors the router moved off the node, back once it is confirmed up. Hand-over: \"trigger\" when the node's agent starts a change of owner at once, \"timer\" when the node's one-minute reconcile timer does. ",
        "Pinned/min: requests that kept their KUMA_FIXED_NODE node, about the last minute. ",
        "Also as <a href=\"/lb/status.json\">JSON</a> and <a href=\"/metrics\">Prometheus metrics</a>.</footer>",
        "</body></html>",
        ""
    )
    return table.concat(
        {__TS__SparseArraySpread(____array_0)},
        "\n"
    )
end
return ____exports
