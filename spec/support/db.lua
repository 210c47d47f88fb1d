-- Specs' access to their private database (created by scripts/test-db.sh, named by DB_NAME),
-- through the same resty.mysql the router uses.
local mysql = require("resty.mysql")
local config = require("runtime.config")

local _M = {}

function _M.exec(sql)
  local db = assert(mysql.new())
  db:set_timeout(5000)
  local s = config.get().db
  assert(db:connect({ host = s.host, port = s.port, user = s.user, password = s.password, database = s.database }))
  local res, err, errno = db:query(sql)
  assert(res, ("%s: %s (%s)"):format(sql, tostring(err), tostring(errno)))
  db:set_keepalive(10000, 4)
  return res
end

-- SELECTs sent by this database user (its user statistics; scripts/test-db.sh switches them on
-- and grants the PROCESS privilege they need): what a spec uses to prove a lookup did or did not
-- reach the database. Other clients of a shared server, under other users, do not move it, and
-- SHOW USER_STATISTICS is not itself a SELECT.
function _M.com_select()
  local user = config.get().db.user
  for _, row in ipairs(_M.exec("SHOW USER_STATISTICS")) do
    if row.User == user then return tonumber(row.Select_commands) end
  end
  return 0
end

function _M.reset()
  _M.exec("DELETE FROM monitor")
  _M.exec("DELETE FROM node")
  _M.exec("DELETE FROM `user`")
  _M.exec("DELETE FROM kuma_cluster_move")
  _M.exec("DELETE FROM kuma_cluster_agent")
end

function _M.node(id, host, status, primary)
  _M.exec(("INSERT INTO node (node_id, node_name, host, status, is_primary, last_seen) VALUES (%s, %s, %s, %s, %d, UTC_TIMESTAMP())")
    :format(ngx.quote_sql_str(id), ngx.quote_sql_str(id), ngx.quote_sql_str(host), ngx.quote_sql_str(status or "online"), primary and 1 or 0))
end

function _M.monitor(id, node_id, assigned, token, active)
  _M.exec(("INSERT INTO monitor (id, name, active, type, push_token, node_id, assigned_node) VALUES (%d, 'm', %d, 'push', %s, %s, %s)")
    :format(id, active == false and 0 or 1, token and ngx.quote_sql_str(token) or "NULL",
      ngx.quote_sql_str(node_id), assigned and ngx.quote_sql_str(assigned) or "NULL"))
end

return _M
