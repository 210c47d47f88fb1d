-- Snapshot at scale: 100,000 active monitors on 100 nodes. Times a full sync (DB read, row
-- mapping, chunked encode, publish) and a worker's load of it (all chunks, and the longest
-- single timer tick), then one monitor change at a time (the sync reads the change log and the
-- changed monitor; a worker applies the delta), a 1,000-monitor move, and measures the shared
-- dict and the per-worker heap. Not a spec: `make bench-snapshot` (bench/snapshot.ts)
-- runs it; `make test` does not (its file pattern is _spec).
local ffi = require("ffi")
local db = require("support.db")
local sync = require("cluster.sync")
local store = require("cluster.snapshot_store")
local cdb = require("cluster.db")
local queries = require("cluster.queries")
local config = require("runtime.config")
local dicts = require("runtime.dicts")

local NODES = 100
local MONITORS = 100000
local RUNS = 5
local CHANGES = 20
-- The budgets for this machine (docs/benchmarks.md).
local TARGET_SYNC_S = 1.0
local TARGET_DICT_BYTES = 32 * 1024 * 1024
local TARGET_CHANGE_SYNC_S = 0.05
local TARGET_CHANGE_APPLY_S = 0.002

ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]])
local CLOCK_MONOTONIC = 1
local ts = ffi.new("bench_timespec")
-- ngx.now() has millisecond steps; phases of a few ms need better.
local function clock()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) * 1e-9
end

local function median(xs)
  local s = {}
  for i, x in ipairs(xs) do s[i] = x end
  table.sort(s)
  return s[math.ceil(#s / 2)]
end

local function ms(s) return ("%.0f ms"):format(s * 1000) end
local function mb(b) return ("%.1f MB"):format(b / 1024 / 1024) end

local function say(fmt, ...)
  io.stdout:write("bench-snapshot: ", fmt:format(...), "\n")
  io.stdout:flush()
end

-- The whole response of a query as raw packets, without decoding rows: what the wire and the
-- server cost, apart from the client's row decoding. Reads the connection's cosocket (`sock`,
-- as in lua-resty-mysql) after sending the query through the client.
local function raw_read(sql)
  local mysql = require("resty.mysql")
  local conn = assert(mysql.new())
  local s = config.get().db
  conn:set_timeout(30000)
  assert(conn:connect({ host = s.host, port = s.port, user = s.user, password = s.password, database = s.database }))
  local sock = conn.sock
  assert(conn:send_query(sql))
  local eofs, packets, bytes = 0, 0, 0
  -- Column count, column definitions, EOF, rows, EOF.
  while eofs < 2 do
    local header = assert(sock:receive(4))
    local len = header:byte(1) + header:byte(2) * 256 + header:byte(3) * 65536
    local payload = assert(sock:receive(len))
    packets = packets + 1
    bytes = bytes + len + 4
    if payload:byte(1) == 0xfe and len < 9 then eofs = eofs + 1 end
  end
  conn:close()
  return packets, bytes
end

describe("snapshot at scale", function()
  setup(function()
    local t0 = clock()
    db.reset()
    db.exec(([[INSERT INTO node (node_id, node_name, host, status, is_primary, last_seen)
      SELECT CONCAT('node', seq), CONCAT('node', seq), CONCAT('uptime-kuma-node', seq, ':3001'), 'online', seq = 1, UTC_TIMESTAMP()
      FROM seq_1_to_%d]]):format(NODES))
    -- Every monitor a push monitor (the largest snapshot: a token each); 5% failed over.
    db.exec(([[INSERT INTO monitor (id, name, active, type, push_token, node_id, assigned_node)
      SELECT seq, CONCAT('monitor ', seq), 1, 'push', MD5(seq), CONCAT('node', 1 + seq %% %d),
        IF(seq %% 20 = 0, CONCAT('node', 1 + (seq + 1) %% %d), NULL)
      FROM seq_1_to_%d]]):format(NODES, NODES, MONITORS))
    db.exec("INSERT INTO `user` (username) VALUES ('admin')")
    say("database: %d nodes, %d monitors inserted in %s", NODES, MONITORS, ms(clock() - t0))
  end)

  it("syncs and applies a full snapshot and single changes within the budgets", function()
    local dict = dicts.snapshotDict
    local capacity = dict:capacity()

    -- Full syncs: the dict flushed each time, so the sync reads every monitor as a new base.
    local fulls, loads, ticks, heap = {}, {}, {}, 0
    for run = 1, RUNS do
      dict:flush_all()
      dict:flush_expired()
      dict:set("version", run * 1000)
      collectgarbage("collect")
      local t0 = clock()
      local _, err = sync.syncOnce()
      fulls[run] = clock() - t0
      assert.is_nil(err)
      -- A worker's side: the base in chunks, one per timer tick (the first run: a worker with
      -- no copy yet, whose heap growth is the copy's full cost).
      collectgarbage("collect")
      local heap0 = collectgarbage("count") * 1024
      local longest, total = 0, 0
      repeat
        local t1 = clock()
        local done = store.step()
        local took = clock() - t1
        total = total + took
        if took > longest then longest = took end
      until done
      loads[run], ticks[run] = total, longest
      if run == 1 then
        collectgarbage("collect")
        heap = collectgarbage("count") * 1024 - heap0
      end
      assert.equals(MONITORS, store.current().monitorCount)
    end
    local used = capacity - dict:free_space()
    local status = store.status()

    -- One monitor change at a time: its owner moves; the sync publishes a delta, the worker applies it.
    local syncs, applies = {}, {}
    for run = 1, CHANGES do
      local id = 1 + (run * 7919) % MONITORS
      db.exec(("UPDATE monitor SET assigned_node = 'node%d' WHERE id = %d"):format(1 + run % NODES, id))
      local t0 = clock()
      local _, err = sync.syncOnce()
      syncs[run] = clock() - t0
      assert.is_nil(err)
      local t1 = clock()
      assert.is_true(store.step())
      applies[run] = clock() - t1
      assert.equals("node" .. (1 + run % NODES), store.current().ownerOf[tostring(id)])
    end

    -- A failover's worth: 1,000 monitors move in one statement.
    db.exec("UPDATE monitor SET assigned_node = 'node7' WHERE id <= 1000")
    local t_move = clock()
    assert(sync.syncOnce())
    t_move = clock() - t_move
    local t_move_apply = clock()
    assert.is_true(store.step())
    t_move_apply = clock() - t_move_apply
    assert.equals("node7", store.current().ownerOf["1000"])

    -- Steady state: a second later with no change in the database.
    ngx.sleep(1.1)
    local t_steady = clock()
    assert(sync.syncOnce())
    t_steady = clock() - t_steady
    local t_steady_apply = clock()
    store.step()
    t_steady_apply = clock() - t_steady_apply

    local packets, wire_bytes = raw_read(queries.MONITORS_SQL)
    say("full sync (change log head, monitors query, row mapping, chunked encode, publish): median %s, max %s over %d runs (raw wire read of the monitors: %d packets, %s)",
      ms(median(fulls)), ms(math.max(unpack(fulls))), RUNS, packets, mb(wire_bytes))
    say("worker load of a new base: median %s in all, longest timer tick %s (median of runs), max %s",
      ms(median(loads)), ("%.1f ms"):format(median(ticks) * 1000), ("%.1f ms"):format(math.max(unpack(ticks)) * 1000))
    say("one monitor change: sync median %s, max %s; worker apply median %s, max %s (over %d changes)",
      ("%.1f ms"):format(median(syncs) * 1000), ("%.1f ms"):format(math.max(unpack(syncs)) * 1000),
      ("%.2f ms"):format(median(applies) * 1000), ("%.2f ms"):format(math.max(unpack(applies)) * 1000), CHANGES)
    say("1,000 monitors moved in one statement: sync %s, worker apply %s", ("%.1f ms"):format(t_move * 1000), ("%.1f ms"):format(t_move_apply * 1000))
    say("steady state, no change for 1.1 s: sync %s, worker apply %s", ("%.1f ms"):format(t_steady * 1000), ("%.2f ms"):format(t_steady_apply * 1000))
    say("JSON %s (%d bytes); kuma_snapshot used %s of %s after a full sync", mb(status.bytes), status.bytes, mb(used), mb(capacity))
    say("copy in each worker's Lua heap: %s", mb(heap))

    assert.is_true(median(fulls) <= TARGET_SYNC_S, ("full sync took %s, budget %s"):format(ms(median(fulls)), ms(TARGET_SYNC_S)))
    assert.is_true(used <= TARGET_DICT_BYTES, ("kuma_snapshot uses %s, budget %s"):format(mb(used), mb(TARGET_DICT_BYTES)))
    assert.is_true(median(syncs) <= TARGET_CHANGE_SYNC_S, ("a change's sync took %s, budget %s"):format(ms(median(syncs)), ms(TARGET_CHANGE_SYNC_S)))
    assert.is_true(median(applies) <= TARGET_CHANGE_APPLY_S, ("a change's apply took %s, budget %s"):format(ms(median(applies)), ms(TARGET_CHANGE_APPLY_S)))
  end)
end)
