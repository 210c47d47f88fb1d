local ____lualib = require("lualib_bundle")
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SparseArrayNew = ____lualib.__TS__SparseArrayNew
local __TS__SparseArrayPush = ____lualib.__TS__SparseArrayPush
local __TS__SparseArraySpread = ____lualib.__TS__SparseArraySpread
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["11"] = 64,["12"] = 64,["13"] = 64,["14"] = 64,["15"] = 64,["16"] = 64,["17"] = 64,["19"] = 67,["20"] = 68,["21"] = 69,["23"] = 70,["24"] = 70,["25"] = 71,["26"] = 72,["27"] = 73,["28"] = 74,["30"] = 70,["33"] = 77,["34"] = 67,["36"] = 81,["37"] = 82,["38"] = 82,["40"] = 83,["41"] = 83,["43"] = 84,["44"] = 84,["46"] = 85,["47"] = 85,["49"] = 86,["50"] = 81,["51"] = 89,["52"] = 90,["53"] = 89,["54"] = 93,["55"] = 93,["56"] = 93,["57"] = 93,["58"] = 93,["59"] = 93,["60"] = 93,["61"] = 93,["62"] = 93,["63"] = 93,["64"] = 93,["65"] = 93,["66"] = 93,["67"] = 93,["68"] = 93,["69"] = 93,["70"] = 93,["71"] = 93,["72"] = 93,["73"] = 93,["74"] = 93,["75"] = 93,["76"] = 116,["77"] = 117,["78"] = 116,["79"] = 120,["80"] = 121,["81"] = 122,["82"] = 122,["83"] = 122,["84"] = 122,["85"] = 122,["87"] = 123,["88"] = 124,["89"] = 124,["90"] = 124,["91"] = 124,["92"] = 124,["93"] = 124,["94"] = 124,["95"] = 120,["96"] = 127,["97"] = 128,["98"] = 129,["99"] = 130,["100"] = 131,["101"] = 132,["102"] = 133,["103"] = 134,["105"] = 136,["106"] = 136,["108"] = 137,["109"] = 137,["111"] = 138,["112"] = 139,["114"] = 141,["115"] = 127,["116"] = 144,["117"] = 145,["118"] = 146,["119"] = 147,["120"] = 148,["121"] = 149,["122"] = 150,["123"] = 150,["124"] = 150,["125"] = 150,["126"] = 150,["127"] = 150,["128"] = 150,["129"] = 150,["130"] = 150,["131"] = 150,["132"] = 150,["133"] = 150,["134"] = 150,["135"] = 150,["136"] = 150,["137"] = 150,["138"] = 150,["139"] = 150,["140"] = 144,["141"] = 167,["142"] = 168,["143"] = 169,["144"] = 170,["145"] = 171,["146"] = 171,["148"] = 172,["149"] = 172,["152"] = 174,["153"] = 175,["154"] = 176,["155"] = 177,["156"] = 177,["157"] = 177,["158"] = 177,["159"] = 178,["160"] = 178,["163"] = 180,["164"] = 181,["165"] = 182,["166"] = 183,["167"] = 184,["168"] = 185,["169"] = 186,["170"] = 187,["171"] = 188,["172"] = 188,["173"] = 188,["174"] = 188,["175"] = 188,["176"] = 188,["177"] = 188,["178"] = 189,["179"] = 189,["180"] = 189,["181"] = 189,["182"] = 190,["183"] = 190,["184"] = 190,["185"] = 190,["186"] = 191,["187"] = 192,["188"] = 192,["189"] = 192,["190"] = 192,["191"] = 193,["192"] = 194,["196"] = 195,["197"] = 196,["201"] = 197,["202"] = 198,["203"] = 199,["204"] = 200,["205"] = 201,["206"] = 202,["207"] = 203,["209"] = 179,["210"] = 179,["211"] = 179,["212"] = 179,["213"] = 167});
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
            ("<td>" .. (n.healthUp and pill("up", "good") or pill("down", "bad"))) .. "</td>",
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
    local maxOwned = 0
    for ____, n in ipairs(v.nodes) do
        if n.healthUp then
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
                ((tostring(up) .. " of ") .. tostring(#v.nodes)) .. " up",
                nodesTone
            ),
            ("nodes (" .. tostring(v.expectedNodes)) .. " expected)"
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
        ((("<footer>Generated " .. ____exports.escapeHtml(v.generatedAt)) .. " UTC by this router, refreshed every ") .. tostring(v.refreshS)) .. " s. Health: this router's checks; registry: node.status. ",
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
