local ____lualib = require("lualib_bundle")
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SparseArrayNew = ____lualib.__TS__SparseArrayNew
local __TS__SparseArrayPush = ____lualib.__TS__SparseArrayPush
local __TS__SparseArraySpread = ____lualib.__TS__SparseArraySpread
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["11"] = 52,["12"] = 52,["13"] = 52,["14"] = 52,["15"] = 52,["16"] = 52,["17"] = 52,["19"] = 55,["20"] = 56,["21"] = 57,["23"] = 58,["24"] = 58,["25"] = 59,["26"] = 60,["27"] = 61,["28"] = 62,["30"] = 58,["33"] = 65,["34"] = 55,["36"] = 69,["37"] = 70,["38"] = 70,["40"] = 71,["41"] = 71,["43"] = 72,["44"] = 72,["46"] = 73,["47"] = 73,["49"] = 74,["50"] = 69,["51"] = 77,["52"] = 78,["53"] = 77,["54"] = 81,["55"] = 81,["56"] = 81,["57"] = 81,["58"] = 81,["59"] = 81,["60"] = 81,["61"] = 81,["62"] = 81,["63"] = 81,["64"] = 81,["65"] = 81,["66"] = 81,["67"] = 81,["68"] = 81,["69"] = 81,["70"] = 81,["71"] = 81,["72"] = 81,["73"] = 81,["74"] = 81,["75"] = 81,["76"] = 104,["77"] = 105,["78"] = 104,["79"] = 108,["80"] = 109,["81"] = 110,["82"] = 110,["83"] = 110,["84"] = 110,["85"] = 110,["87"] = 111,["88"] = 112,["89"] = 112,["90"] = 112,["91"] = 112,["92"] = 112,["93"] = 112,["94"] = 112,["95"] = 108,["96"] = 115,["97"] = 116,["98"] = 117,["99"] = 118,["100"] = 119,["101"] = 120,["102"] = 121,["103"] = 122,["105"] = 124,["106"] = 124,["108"] = 125,["109"] = 125,["111"] = 126,["112"] = 115,["113"] = 129,["114"] = 130,["115"] = 131,["116"] = 132,["117"] = 133,["118"] = 134,["119"] = 134,["120"] = 134,["121"] = 134,["122"] = 134,["123"] = 134,["124"] = 134,["125"] = 134,["126"] = 134,["127"] = 134,["128"] = 134,["129"] = 134,["130"] = 134,["131"] = 134,["132"] = 134,["133"] = 134,["134"] = 129,["135"] = 149,["136"] = 150,["137"] = 151,["138"] = 152,["139"] = 153,["140"] = 153,["142"] = 154,["143"] = 154,["146"] = 156,["147"] = 157,["148"] = 158,["149"] = 158,["150"] = 158,["151"] = 158,["152"] = 159,["153"] = 159,["156"] = 161,["157"] = 162,["158"] = 163,["159"] = 164,["160"] = 165,["161"] = 166,["162"] = 167,["163"] = 168,["164"] = 169,["165"] = 169,["166"] = 169,["167"] = 169,["168"] = 169,["169"] = 169,["170"] = 169,["171"] = 170,["172"] = 170,["173"] = 170,["174"] = 170,["175"] = 171,["176"] = 172,["177"] = 172,["178"] = 172,["179"] = 172,["180"] = 173,["181"] = 174,["185"] = 175,["186"] = 176,["190"] = 177,["191"] = 178,["192"] = 179,["193"] = 180,["194"] = 181,["195"] = 182,["197"] = 160,["198"] = 160,["199"] = 160,["200"] = 160,["201"] = 149});
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
    return out
end
local function nodeRow(n, maxOwned)
    local name = n.name ~= "" and n.name ~= n.id and ("<div class=\"sub\">" .. ____exports.escapeHtml(n.name)) .. "</div>" or ""
    local primary = n.primary and " " .. pill("primary", "muted") or ""
    local width = maxOwned > 0 and math.floor(n.owned * 100 / maxOwned) or 0
    local seen = n.lastSeenAgeS < 0 and "never" or ____exports.formatAge(n.lastSeenAgeS) .. " ago"
    return table.concat(
        {
            "<tr>",
            (((("<td><span class=\"id\">" .. ____exports.escapeHtml(n.id)) .. "</span>") .. primary) .. name) .. "</td>",
            ("<td>" .. (n.healthUp and pill("up", "good") or pill("down", "bad"))) .. "</td>",
            ("<td>" .. (n.registryOnline and pill("online", "good") or pill("offline", "warn"))) .. "</td>",
            ((("<td class=\"num\">" .. tostring(n.owned)) .. "<div class=\"bar\"><i style=\"width:") .. tostring(width)) .. "%\"></i></div></td>",
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
    local rows = __TS__ArrayMap(
        v.nodes,
        function(____, n) return nodeRow(n, maxOwned) end
    )
    if #rows == 0 then
        rows[#rows + 1] = "<tr><td colspan=\"9\">No node is registered.</td></tr>"
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
        "<table><thead><tr><th>Node</th><th>Health</th><th>Registry</th><th>Monitors</th><th>Pinned/min</th><th>WebSockets</th><th>Last probe</th><th>Last seen</th><th>Host</th></tr></thead><tbody>",
        unpack(rows)
    )
    __TS__SparseArrayPush(
        ____array_0,
        "</tbody></table>",
        ((("<footer>Generated " .. ____exports.escapeHtml(v.generatedAt)) .. " UTC by this router, refreshed every ") .. tostring(v.refreshS)) .. " s. Health: this router's checks; registry: node.status. ",
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
