local ____lualib = require("lualib_bundle")
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SparseArrayNew = ____lualib.__TS__SparseArrayNew
local __TS__SparseArrayPush = ____lualib.__TS__SparseArrayPush
local __TS__SparseArraySpread = ____lualib.__TS__SparseArraySpread
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["11"] = 78,["12"] = 78,["13"] = 78,["14"] = 78,["15"] = 78,["16"] = 78,["17"] = 78,["19"] = 81,["20"] = 82,["21"] = 83,["23"] = 84,["24"] = 84,["25"] = 85,["26"] = 86,["27"] = 87,["28"] = 88,["30"] = 84,["33"] = 91,["34"] = 81,["36"] = 95,["37"] = 96,["38"] = 96,["40"] = 97,["41"] = 97,["43"] = 98,["44"] = 98,["46"] = 99,["47"] = 99,["49"] = 100,["50"] = 95,["51"] = 103,["52"] = 104,["53"] = 103,["54"] = 107,["55"] = 107,["56"] = 107,["57"] = 107,["58"] = 107,["59"] = 107,["60"] = 107,["61"] = 107,["62"] = 107,["63"] = 107,["64"] = 107,["65"] = 107,["66"] = 107,["67"] = 107,["68"] = 107,["69"] = 107,["70"] = 107,["71"] = 107,["72"] = 107,["73"] = 107,["74"] = 107,["75"] = 107,["76"] = 130,["77"] = 131,["78"] = 130,["79"] = 134,["80"] = 135,["81"] = 136,["82"] = 136,["83"] = 136,["84"] = 136,["85"] = 136,["87"] = 137,["88"] = 138,["89"] = 138,["90"] = 138,["91"] = 138,["92"] = 138,["93"] = 138,["94"] = 138,["95"] = 134,["96"] = 141,["97"] = 142,["98"] = 143,["99"] = 144,["100"] = 145,["101"] = 146,["102"] = 147,["103"] = 148,["105"] = 150,["106"] = 150,["108"] = 151,["109"] = 151,["111"] = 152,["112"] = 153,["114"] = 155,["115"] = 141,["116"] = 158,["117"] = 159,["118"] = 160,["119"] = 161,["120"] = 162,["121"] = 163,["122"] = 164,["123"] = 164,["124"] = 164,["125"] = 164,["126"] = 164,["127"] = 164,["128"] = 164,["129"] = 164,["130"] = 164,["131"] = 164,["132"] = 164,["133"] = 164,["134"] = 164,["135"] = 164,["136"] = 164,["137"] = 164,["138"] = 164,["139"] = 164,["140"] = 158,["141"] = 181,["142"] = 182,["143"] = 183,["144"] = 184,["145"] = 185,["146"] = 185,["148"] = 186,["149"] = 186,["152"] = 188,["153"] = 189,["154"] = 190,["155"] = 191,["156"] = 191,["157"] = 191,["158"] = 191,["159"] = 192,["160"] = 192,["163"] = 194,["164"] = 195,["165"] = 196,["166"] = 197,["167"] = 198,["168"] = 199,["169"] = 200,["170"] = 201,["171"] = 202,["172"] = 202,["173"] = 202,["174"] = 202,["175"] = 202,["176"] = 202,["177"] = 202,["178"] = 203,["179"] = 203,["180"] = 203,["181"] = 203,["182"] = 204,["183"] = 204,["184"] = 204,["185"] = 204,["186"] = 205,["187"] = 206,["188"] = 206,["189"] = 206,["190"] = 206,["191"] = 207,["192"] = 208,["196"] = 209,["197"] = 210,["201"] = 211,["202"] = 212,["203"] = 213,["204"] = 214,["205"] = 215,["206"] = 216,["207"] = 217,["209"] = 193,["210"] = 193,["211"] = 193,["212"] = 193,["213"] = 181});
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
