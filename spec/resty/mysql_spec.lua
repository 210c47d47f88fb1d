-- Contract of resty.mysql as the router relies on it, checked against the real MariaDB.
-- It runs unchanged against whichever resty.mysql is on the lua path: OpenResty's
-- lua-resty-mysql in the production image, the protocol-real client of the test runtime here.
-- It creates its own database and password user (random suffix) and drops them at the end.
local mysql = require("resty.mysql")

local SERVER = {
  host = os.getenv("TEST_DB_HOST") or "127.0.0.1",
  port = tonumber(os.getenv("TEST_DB_PORT") or "3306"),
  user = os.getenv("TEST_DB_USER") or "root",
  password = os.getenv("TEST_DB_PASSWORD") or "",
}
local TIMEOUT_MS = 5000

ngx.update_time()
math.randomseed(ngx.now() * 1000 + ngx.worker.pid())
local SUFFIX = string.format("%d_%06d", ngx.worker.pid(), math.random(0, 999999))
local DB_NAME = "kuma_spec_" .. SUFFIX
local USER = "kuma_spec_" .. SUFFIX
-- Quotes and a backslash: the password only works if both sides hash the same bytes.
local PASSWORD = "pw'\"\\-" .. SUFFIX

local function options(overrides)
  local o = { host = SERVER.host, port = SERVER.port, user = USER, password = PASSWORD, database = DB_NAME }
  for k, v in pairs(overrides or {}) do
    o[k] = v
  end
  return o
end

local ROOT = { user = SERVER.user, password = SERVER.password, database = false }

local function connect(overrides)
  local db, err = mysql:new()
  assert(db, err)
  db:set_timeout(TIMEOUT_MS)
  local opts = options(overrides)
  if opts.database == false then
    opts.database = nil
  end
  local ok, cerr, errno, sqlstate = db:connect(opts)
  assert(ok, string.format("connect failed: %s (%s %s)", tostring(cerr), tostring(errno), tostring(sqlstate)))
  return db
end

-- Runs SQL that must succeed; returns the result and the second value ("again" or nil).
local function exec(db, sql)
  local res, err, errno, sqlstate = db:query(sql)
  assert(res, string.format("%s\n  -> %s (%s %s)", sql, tostring(err), tostring(errno), tostring(sqlstate)))
  return res, err
end

local function q(value)
  return ngx.quote_sql_str(value)
end

describe("resty.mysql against MariaDB", function()
  setup(function()
    local root = connect(ROOT)
    exec(root, "CREATE DATABASE `" .. DB_NAME .. "` CHARACTER SET utf8mb4")
    exec(root, "CREATE USER " .. q(USER) .. "@'%' IDENTIFIED BY " .. q(PASSWORD))
    exec(root, "GRANT ALL ON `" .. DB_NAME .. "`.* TO " .. q(USER) .. "@'%'")
    root:close()

    local db = connect()
    exec(db, [[
      CREATE TABLE samples (
        id INT AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(64) NOT NULL,
        price DECIMAL(10, 2) NULL,
        ratio DOUBLE NULL,
        big BIGINT NULL,
        created DATETIME NULL,
        note VARCHAR(64) NULL
      )]])
    db:close()
  end)

  teardown(function()
    local root = connect(ROOT)
    -- Sessions left behind (pooled ones, the timed-out SLEEP) would outlive DROP USER.
    local sessions = exec(root, "SELECT id FROM information_schema.processlist WHERE user = " .. q(USER))
    for _, s in ipairs(sessions) do
      root:query("KILL " .. s.id)
    end
    exec(root, "DROP DATABASE IF EXISTS `" .. DB_NAME .. "`")
    exec(root, "DROP USER IF EXISTS " .. q(USER) .. "@'%'")
    root:close()
  end)

  it("logs in with a password and reports the server version", function()
    local db = connect()
    assert.matches("^%d+%.%d+", db:server_ver())
    local rows = exec(db, "SELECT CURRENT_USER() AS who, DATABASE() AS db")
    assert.same({ { who = USER .. "@%", db = DB_NAME } }, rows)
    assert.equal(1, db:close())
  end)

  it("returns numbers for numeric columns, strings for the rest and ngx.null for NULL", function()
    local db = connect()
    exec(db, "INSERT INTO samples (name, price, ratio, big, created, note) VALUES "
      .. "('typed', 12.50, 0.25, 9007199254740993, '2024-01-02 03:04:05', NULL)")
    local rows = exec(db, "SELECT id, name, price, ratio, big, created, note FROM samples WHERE name = 'typed'")
    assert.equal(1, #rows)
    local row = rows[1]
    assert.is_number(row.id)
    assert.equal("typed", row.name)
    assert.equal(12.5, row.price)
    assert.equal(0.25, row.ratio)
    -- BIGINT stays a string: 2^53 + 1 is not a Lua number.
    assert.equal("9007199254740993", row.big)
    assert.equal("2024-01-02 03:04:05", row.created)
    assert.equal(ngx.null, row.note)
    local exprs = exec(db, "SELECT NULL AS n, 7 AS i, 'x' AS s, 1.5 AS d")
    assert.same({ { n = ngx.null, i = 7, s = "x", d = 1.5 } }, exprs)
    db:close()
  end)

  it("round-trips UTF-8 text on a utf8mb4 connection", function()
    local db = connect({ charset = "utf8mb4" })
    local text = "h\u{e9}llo \u{2713} \u{1F600}"
    local rows = exec(db, "SELECT " .. q(text) .. " AS t")
    assert.equal(text, rows[1].t)
    db:close()
  end)

  it("reports affected_rows and insert_id in the OK packet", function()
    local db = connect()
    local res = exec(db, "INSERT INTO samples (name) VALUES ('ok-1'), ('ok-2')")
    assert.equal(2, res.affected_rows)
    assert.is_true(res.insert_id > 0)
    local first = exec(db, "SELECT id FROM samples WHERE name = 'ok-1'")[1].id
    -- A multi-row INSERT reports the id of its first row.
    assert.equal(first, res.insert_id)
    local upd = exec(db, "UPDATE samples SET note = 'seen' WHERE name LIKE 'ok-%'")
    assert.equal(2, upd.affected_rows)
    assert.equal(0, upd.insert_id)
    assert.is_number(upd.server_status)
    assert.is_number(upd.warning_count)
    db:close()
  end)

  it("returns nil, message, errno and SQLSTATE for SQL errors, and stays usable", function()
    local db = connect()
    local res, err, errno, sqlstate = db:query("SELECT * FROM no_such_table")
    assert.is_nil(res)
    assert.matches("no_such_table", err)
    assert.equal(1146, errno)
    assert.equal("42S02", sqlstate)
    res, err, errno, sqlstate = db:query("SELEC 1")
    assert.is_nil(res)
    assert.equal(1064, errno)
    assert.equal("42000", sqlstate)
    assert.same({ { one = 1 } }, exec(db, "SELECT 1 AS one"))
    db:close()
  end)

  it("refuses a bad password with errno 1045", function()
    local db = assert(mysql:new())
    db:set_timeout(TIMEOUT_MS)
    local ok, err, errno, sqlstate = db:connect(options({ password = "wrong" }))
    assert.is_nil(ok)
    assert.matches("Access denied", err)
    assert.equal(1045, errno)
    assert.equal("28000", sqlstate)
  end)

  it("hands out multiple result sets with err = \"again\"", function()
    local db = connect()
    local res, err = exec(db, "SELECT 1 AS a; SELECT 2 AS b")
    assert.same({ { a = 1 } }, res)
    assert.equal("again", err)
    res, err = db:read_result()
    assert.same({ { b = 2 } }, res)
    assert.is_nil(err)
    assert.same({ { c = 3 } }, exec(db, "SELECT 3 AS c"))
    db:close()
  end)

  it("reuses a pooled connection after set_keepalive, without a new login", function()
    local pool = "mysql_spec_pool_" .. SUFFIX
    local db = connect({ pool = pool })
    assert.equal(0, db:get_reused_times())
    local id = exec(db, "SELECT CONNECTION_ID() AS id")[1].id
    assert.equal(1, db:set_keepalive(10000, 4))

    local again = connect({ pool = pool })
    assert.is_true(again:get_reused_times() > 0)
    local rows = exec(again, "SELECT CONNECTION_ID() AS id, DATABASE() AS db")
    assert.same({ { id = id, db = DB_NAME } }, rows)
    again:close()
  end)

  it("keeps pools apart: by user and database by default, by name with the pool option", function()
    local mine = connect()
    assert.equal(1, mine:set_keepalive(10000, 4))

    local root = connect(ROOT)
    assert.equal(0, root:get_reused_times())
    assert.matches("^" .. SERVER.user .. "@", exec(root, "SELECT CURRENT_USER() AS who")[1].who)
    root:close()

    local named = connect({ pool = "mysql_spec_other_" .. SUFFIX })
    assert.equal(0, named:get_reused_times())
    named:close()

    local again = connect()
    assert.is_true(again:get_reused_times() > 0)
    again:close()
  end)

  it("fails a stalled query with a timeout after set_timeout", function()
    local db = connect()
    db:set_timeout(500)
    ngx.update_time()
    local started = ngx.now()
    local res, err = db:query("SELECT SLEEP(3)")
    ngx.update_time()
    local elapsed = ngx.now() - started
    assert.is_nil(res)
    assert.matches("timeout", err)
    assert.is_true(elapsed < 1.5, "took " .. elapsed .. " s")
    db:close()
  end)

  it("keeps an injection payload inert when quoted with ngx.quote_sql_str", function()
    local db = connect()
    exec(db, "INSERT INTO samples (name) VALUES ('inj-bystander-1'), ('inj-bystander-2')")
    for _, payload in ipairs({ "x' OR '1'='1", "x\\' OR 1=1 -- ", "x\"; DROP TABLE samples; --" }) do
      exec(db, "INSERT INTO samples (name) VALUES (" .. q(payload) .. ")")
      local rows = exec(db, "SELECT name FROM samples WHERE name = " .. q(payload))
      assert.same({ { name = payload } }, rows)
    end
    -- The control: the first payload spliced in unquoted matches every row.
    local all = exec(db, "SELECT COUNT(*) AS n FROM samples")[1].n
    local spliced = exec(db, "SELECT COUNT(*) AS n FROM samples WHERE name = 'x' OR '1'='1'")[1].n
    assert.equal(all, spliced)
    assert.is_true(tonumber(all) > 3)
    db:close()
  end)

  it("refuses queries once closed", function()
    local db = connect()
    assert.equal(1, db:close())
    local res, err = db:query("SELECT 1")
    assert.is_nil(res)
    assert.is_string(err)
  end)
end)
