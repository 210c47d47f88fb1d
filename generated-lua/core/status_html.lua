local ____lualib = require("lualib_bundle")
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SparseArrayNew = ____lualib.__TS__SparseArrayNew
local __TS__SparseArrayPush = ____lualib.__TS__SparseArrayPush
local __TS__SparseArraySpread = ____lualib.__TS__SparseArraySpread
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["11"] = 66,["12"] = 66,["13"] = 66,["14"] = 66,["15"] = 66,["16"] = 66,["17"] = 66,["19"] = 69,["20"] = 70,["21"] = 71,["23"] = 72,["24"] = 72,["25"] = 73,["26"] = 74,["27"] = 75,["28"] = 76,["30"] = 72,["33"] = 79,["34"] = 69,["36"] = 83,["37"] = 84,["38"] = 84,["40"] = 85,["41"] = 85,["43"] = 86,["44"] = 86,["46"] = 87,["47"] = 87,["49"] = 88,["50"] = 83,["51"] = 91,["52"] = 92,["53"] = 91,["54"] = 95,["55"] = 95,["56"] = 95,["57"] = 95,["58"] = 95,["59"] = 95,["60"] = 95,["61"] = 95,["62"] = 95,["63"] = 95,["64"] = 95,["65"] = 95,["66"] = 95,["67"] = 95,["68"] = 95,["69"] = 95,["70"] = 95,["71"] = 95,["72"] = 95,["73"] = 95,["74"] = 95,["75"] = 95,["76"] = 118,["77"] = 119,["78"] = 118,["79"] = 122,["80"] = 123,["81"] = 124,["82"] = 124,["83"] = 124,["84"] = 124,["85"] = 124,["87"] = 125,["88"] = 126,["89"] = 126,["90"] = 126,["91"] = 126,["92"] = 126,["93"] = 126,["94"] = 126,["95"] = 122,["96"] = 129,["97"] = 130,["98"] = 131,["99"] = 132,["100"] = 133,["101"] = 134,["102"] = 135,["103"] = 136,["105"] = 138,["106"] = 138,["108"] = 139,["109"] = 139,["111"] = 140,["112"] = 141,["114"] = 143,["115"] = 129,["116"] = 146,["117"] = 147,["118"] = 148,["119"] = 149,["120"] = 150,["121"] = 151,["122"] = 152,["123"] = 152,["124"] = 152,["125"] = 152,["126"] = 152,["127"] = 152,["128"] = 152,["129"] = 152,["130"] = 152,["131"] = 152,["132"] = 152,["133"] = 152,["134"] = 152,["135"] = 152,["136"] = 152,["137"] = 152,["138"] = 152,["139"] = 152,["140"] = 146,["141"] = 169,["142"] = 170,["143"] = 171,["144"] = 172,["145"] = 173,["146"] = 173,["148"] = 174,["149"] = 174,["152"] = 176,["153"] = 177,["154"] = 178,["155"] = 179,["156"] = 179,["157"] = 179,["158"] = 179,["159"] = 180,["160"] = 180,["163"] = 182,["164"] = 183,["165"] = 184,["166"] = 185,["167"] = 186,["168"] = 187,["169"] = 188,["170"] = 189,["171"] = 190,["172"] = 190,["173"] = 190,["174"] = 190,["175"] = 190,["176"] = 190,["177"] = 190,["178"] = 191,["179"] = 191,["180"] = 191,["181"] = 191,["182"] = 192,["183"] = 192,["184"] = 192,["185"] = 192,["186"] = 193,["187"] = 194,["188"] = 194,["189"] = 194,["190"] = 194,["191"] = 195,["192"] = 196,["196"] = 197,["197"] = 198,["201"] = 199,["202"] = 200,["203"] = 201,["204"] = 202,["205"] = 203,["206"] = 204,["207"] = 205,["209"] = 181,["210"] = 181,["211"] = 181,["212"] = 181,["213"] = 169});
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
