// The global `ngx` of lua-nginx-module 0.10.x (with lua-resty-core), as TypeScript sees it.
//
// Call syntax is what TSTL derives from `this`:
//  - `ngx` is a value of interface type, not a namespace, because `ngx.var` is a reserved word
//    in a namespace. So every function reached with `.` declares `this: void`.
//  - Objects whose functions are called with `:` (shared dicts, cosockets) have plain methods:
//    in a declaration file TSTL gives them a `self` even under `noImplicitSelf`.
//  - Callbacks handed to the runtime (timers, ngx.re replacers) are `this: void` too, so a
//    TypeScript arrow function can be passed as is.
// Several values returned by one call are LuaMultiReturn: destructure them (`const [ok, err]`).

/** Type-only brand; there is no such value at runtime. */
declare const ngxNullBrand: unique symbol;

/**
 * ngx.null: the NULL light userdata that stands for SQL NULL (resty.mysql) and JSON null
 * (cjson.null is the same value). Truthy in Lua, so test it by identity: `v === ngx.null`.
 */
type NgxNull = { readonly [ngxNullBrand]: "ngx.null" };

type NgxLogLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

type NgxPhase =
  | "init"
  | "init_worker"
  | "ssl_cert"
  | "ssl_session_fetch"
  | "ssl_session_store"
  | "ssl_client_hello"
  | "set"
  | "rewrite"
  | "server_rewrite"
  | "balancer"
  | "access"
  | "content"
  | "header_filter"
  | "body_filter"
  | "log"
  | "timer"
  | "exit_worker";

/** What ngx.log accepts (nil, booleans and ngx.null are written as words). */
type NgxLogArg = string | number | boolean | NgxNull | undefined;

/** What ngx.say / ngx.print accept: arrays are written flat. */
type NgxOutput = NgxLogArg | readonly NgxOutput[];

/**
 * ngx.say / ngx.print arguments, refusing an undestructured LuaMultiReturn such as
 * `ngx.say(cjson.encode(x))`: TSTL would pass it as a table, and the error would be printed too.
 */
type NgxOutputArgs<T extends NgxOutput[]> = { [K in keyof T]: T[K] extends { readonly __tstlMultiReturn: unknown } ? never : T[K] };

/** "truncated" when a request carried more headers or arguments than the limit asked for. */
type NgxTruncated = "truncated" | undefined;

/** Request headers: lower-cased names (unless raw); a repeated header gives a list. */
type NgxRequestHeaders = { [name: string]: string | string[] | undefined };

/** Query arguments: `?flag` gives true, a repeated argument gives a list. */
type NgxArgs = { [name: string]: string | true | (string | true)[] | undefined };

/** What ngx.encode_args accepts: false or nil values are skipped, true gives a bare key. */
type NgxArgsInput = { [name: string]: string | number | boolean | (string | number | boolean)[] | undefined };

/**
 * ngx.ctx, one table per request. Modules that keep fields there declare them by merging
 * into this interface (`declare global { interface NgxCtx { route?: Route } }`).
 */
interface NgxCtx {
  [key: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// ngx.req

interface NgxReq {
  get_method(this: void): string;
  /** max_headers defaults to 100; 0 means no limit. */
  get_headers(this: void, max_headers?: number, raw?: boolean): LuaMultiReturn<[NgxRequestHeaders, NgxTruncated]>;
  /** max_args defaults to 100; 0 means no limit. */
  get_uri_args(this: void, max_args?: number): LuaMultiReturn<[NgxArgs, NgxTruncated]>;
  /** 0.9, 1.0, 1.1, 2.0 or 3.0; nil for an unknown version. */
  http_version(this: void): number | undefined;
  is_internal(this: void): boolean;
  /** Seconds (with milliseconds) at which the request was created. */
  start_time(this: void): number;
  set_header(this: void, name: string, value: string | number | string[] | undefined): void;
  clear_header(this: void, name: string): void;
  read_body(this: void): void;
  discard_body(this: void): void;
  /** nil when the body was not read or was buffered to a file. */
  get_body_data(this: void, max_bytes?: number): string | undefined;
  get_body_file(this: void): string | undefined;
}

// ---------------------------------------------------------------------------------------------
// ngx.shared

type NgxShValue = string | number | boolean;

/** A lua_shared_dict zone. `exptime`/`ttl` are seconds (0: never expires); `flags` a user number. */
interface NgxShDict {
  /** value, then flags (or an error string when value is nil). */
  get(key: string): LuaMultiReturn<[NgxShValue | undefined, number | string | undefined]>;
  /** Like get, but also returns expired items that were not evicted yet, with stale = true. */
  get_stale(key: string): LuaMultiReturn<[NgxShValue | undefined, number | string | undefined, boolean | undefined]>;
  /** success, err, forcible (forcible: valid items were evicted to make room). */
  set(key: string, value: NgxShValue | undefined, exptime?: number, flags?: number): LuaMultiReturn<[boolean, string | undefined, boolean]>;
  /** Like set, but fails with "no memory" instead of evicting valid items. */
  safe_set(
    key: string,
    value: NgxShValue | undefined,
    exptime?: number,
    flags?: number,
  ): LuaMultiReturn<[boolean | undefined, string | undefined]>;
  /** Like set, but fails with "exists" when the key is present. */
  add(key: string, value: NgxShValue, exptime?: number, flags?: number): LuaMultiReturn<[boolean, string | undefined, boolean]>;
  safe_add(key: string, value: NgxShValue, exptime?: number, flags?: number): LuaMultiReturn<[boolean | undefined, string | undefined]>;
  /** Like set, but fails with "not found" when the key is absent. */
  replace(key: string, value: NgxShValue, exptime?: number, flags?: number): LuaMultiReturn<[boolean, string | undefined, boolean]>;
  delete(key: string): void;
  /** new value, err, forcible. Without `init` a missing key is "not found"; init_ttl applies to the created key only. */
  incr(
    key: string,
    value: number,
    init?: number,
    init_ttl?: number,
  ): LuaMultiReturn<[number | undefined, string | undefined, boolean | undefined]>;
  /** new list length, or nil and err ("value not a list", "no memory"). */
  lpush(key: string, value: string | number): LuaMultiReturn<[number | undefined, string | undefined]>;
  rpush(key: string, value: string | number): LuaMultiReturn<[number | undefined, string | undefined]>;
  /** nil without err when the list is empty or missing. */
  lpop(key: string): LuaMultiReturn<[string | number | undefined, string | undefined]>;
  rpop(key: string): LuaMultiReturn<[string | number | undefined, string | undefined]>;
  llen(key: string): LuaMultiReturn<[number | undefined, string | undefined]>;
  /** Remaining seconds (0: never expires), or nil and "not found". */
  ttl(key: string): LuaMultiReturn<[number | undefined, string | undefined]>;
  expire(key: string, exptime: number): LuaMultiReturn<[boolean | undefined, string | undefined]>;
  flush_all(): void;
  /** Frees expired items (up to max_count, 0 = all); returns how many. */
  flush_expired(max_count?: number): number;
  /** Up to max_count keys (default 1024, 0 = all): locks the zone while it runs. */
  get_keys(max_count?: number): string[];
  /** Zone size in bytes. */
  capacity(): number;
  /** Bytes in wholly free pages. */
  free_space(): number;
}

// ---------------------------------------------------------------------------------------------
// ngx.timer, ngx.worker

type NgxTimerCallback<A extends unknown[]> = (this: void, premature: boolean, ...args: A) => void;

interface NgxTimer {
  /** premature is true when the worker is shutting down. Returns 1 or nil and err. */
  at<A extends unknown[]>(
    this: void,
    delay: number,
    callback: NgxTimerCallback<A>,
    ...args: A
  ): LuaMultiReturn<[1 | undefined, string | undefined]>;
  /** Repeats every `delay` seconds (> 0) until the worker exits. */
  every<A extends unknown[]>(
    this: void,
    delay: number,
    callback: NgxTimerCallback<A>,
    ...args: A
  ): LuaMultiReturn<[1 | undefined, string | undefined]>;
  running_count(this: void): number;
  pending_count(this: void): number;
}

interface NgxWorker {
  /** 0-based worker ordinal; nil outside a worker (init phase, master). */
  id(this: void): number | undefined;
  count(this: void): number;
  pid(this: void): number;
  /** True once the worker is shutting down (reload, quit). */
  exiting(this: void): boolean;
}

// ---------------------------------------------------------------------------------------------
// ngx.socket (cosockets)

/** An SSL session returned by sslhandshake for later reuse; opaque. */
type NgxSslSession = { readonly __ngxSslSession: never };

interface NgxTcpConnectOptions {
  /** Connection pool name; default "<host>:<port>" or "<unix path>". */
  pool?: string;
  /** Pool capacity (ngx_lua 0.10.14+): created on first connect, fixed afterwards. */
  pool_size?: number;
  /** With pool_size: connects queue (up to backlog) instead of exceeding the pool size. */
  backlog?: number;
}

/** Returned by receiveuntil: each call reads up to the pattern (or `size` bytes of the way). */
type NgxReceiveUntilIterator = (this: void, size?: number) => LuaMultiReturn<[string | undefined, string | undefined, string | undefined]>;

interface NgxTcpSocket {
  connect(host: string, port: number, options?: NgxTcpConnectOptions): LuaMultiReturn<[1 | undefined, string | undefined]>;
  /** `unixPath` is "unix:/path/to/socket". */
  connect(unixPath: string, options?: NgxTcpConnectOptions): LuaMultiReturn<[1 | undefined, string | undefined]>;
  /** A session (or true when reused_session is false), or nil and err. */
  sslhandshake(
    reused_session?: NgxSslSession | false,
    server_name?: string,
    ssl_verify?: boolean,
    send_status_req?: boolean,
  ): LuaMultiReturn<[NgxSslSession | true | undefined, string | undefined]>;
  /** Bytes sent, or nil and err. Arrays are sent concatenated. */
  send(data: string | readonly (string | number)[]): LuaMultiReturn<[number | undefined, string | undefined]>;
  /** data, or nil, err ("timeout", "closed", ...) and the partial data read so far. */
  receive(size: number): LuaMultiReturn<[string | undefined, string | undefined, string | undefined]>;
  /** "*l" (default): a line without its LF; "*a": everything until the peer closes. */
  receive(pattern?: "*l" | "*a"): LuaMultiReturn<[string | undefined, string | undefined, string | undefined]>;
  /** Whatever has arrived, at most max bytes. */
  receiveany(max: number): LuaMultiReturn<[string | undefined, string | undefined]>;
  receiveuntil(
    pattern: string,
    options?: { inclusive?: boolean },
  ): LuaMultiReturn<[NgxReceiveUntilIterator | undefined, string | undefined]>;
  /** Milliseconds, for connect, send and receive alike. */
  settimeout(ms: number): void;
  settimeouts(connect_ms: number, send_ms: number, read_ms: number): void;
  setoption(
    option: "keepalive" | "reuseaddr" | "tcp-nodelay" | "sndbuf" | "rcvbuf",
    value: number | boolean,
  ): LuaMultiReturn<[1 | undefined, string | undefined]>;
  /** Puts the connection into its pool (and closes this object). */
  setkeepalive(max_idle_ms?: number, pool_size?: number): LuaMultiReturn<[1 | undefined, string | undefined]>;
  close(): LuaMultiReturn<[1 | undefined, string | undefined]>;
  /** 0 for a new connection; > 0 when connect took it from the pool. */
  getreusedtimes(): LuaMultiReturn<[number | undefined, string | undefined]>;
}

interface NgxUdpSocket {
  setpeername(host: string, port: number): LuaMultiReturn<[1 | undefined, string | undefined]>;
  setpeername(unixPath: string): LuaMultiReturn<[1 | undefined, string | undefined]>;
  send(data: string | readonly (string | number)[]): LuaMultiReturn<[1 | undefined, string | undefined]>;
  /** One datagram, at most size bytes (default 8192). */
  receive(size?: number): LuaMultiReturn<[string | undefined, string | undefined]>;
  settimeout(ms: number): void;
  close(): LuaMultiReturn<[1 | undefined, string | undefined]>;
}

interface NgxSocket {
  tcp(this: void): NgxTcpSocket;
  udp(this: void): NgxUdpSocket;
}

// ---------------------------------------------------------------------------------------------
// ngx.re (PCRE)

/** [0] is the whole match, [n] group n (false when it did not participate), names for named groups. */
type NgxReCaptures = { [group: number]: string | false | undefined; [name: string]: string | false | undefined };

/** ngx.re.match/find/sub options: "j" (JIT), "o" (cache), "i", "m", "s", "x", "u", "U", "a", "d", "D", "J". */
type NgxReOptions = string;

/** Search state for ngx.re.match/find: `pos` is where to start (1-based) and is updated on success. */
interface NgxReContext {
  pos?: number;
}

type NgxReIterator = (this: void) => LuaMultiReturn<[NgxReCaptures | undefined, string | undefined]>;

/** A replacement: a template ("$0", "${name}") or a function of the captures. */
type NgxReReplacement = string | ((this: void, captures: NgxReCaptures) => string);

interface NgxRe {
  match(
    this: void,
    subject: string,
    regex: string,
    options?: NgxReOptions,
    ctx?: NgxReContext,
    res_table?: NgxReCaptures,
  ): LuaMultiReturn<[NgxReCaptures | undefined, string | undefined]>;
  /** from, to (1-based, inclusive) of the match or of capture `nth`. */
  find(
    this: void,
    subject: string,
    regex: string,
    options?: NgxReOptions,
    ctx?: NgxReContext,
    nth?: number,
  ): LuaMultiReturn<[number | undefined, number | undefined, string | undefined]>;
  gmatch(
    this: void,
    subject: string,
    regex: string,
    options?: NgxReOptions,
  ): LuaMultiReturn<[NgxReIterator | undefined, string | undefined]>;
  /** new string, number of substitutions, err. */
  sub(
    this: void,
    subject: string,
    regex: string,
    replace: NgxReReplacement,
    options?: NgxReOptions,
  ): LuaMultiReturn<[string | undefined, number | undefined, string | undefined]>;
  gsub(
    this: void,
    subject: string,
    regex: string,
    replace: NgxReReplacement,
    options?: NgxReOptions,
  ): LuaMultiReturn<[string | undefined, number | undefined, string | undefined]>;
}

// ---------------------------------------------------------------------------------------------
// ngx.config

interface NgxConfig {
  readonly subsystem: "http" | "stream";
  /** The nginx prefix path (-p), with a trailing slash. */
  prefix(this: void): string;
  /** e.g. 1022001 for nginx 1.22.1. */
  readonly nginx_version: number;
  /** e.g. 10023 for 0.10.23. */
  readonly ngx_lua_version: number;
  /** True for a --with-debug nginx build. */
  readonly debug: boolean;
  nginx_configure(this: void): string;
}

// ---------------------------------------------------------------------------------------------
// ngx

// ---------------------------------------------------------------------------------------------
// ngx.thread: light threads of the current request or timer (the prober runs probes in batches).

/** A light thread handle; opaque. */
type NgxLightThread = { readonly __ngxLightThread: never };

interface NgxThreadApi {
  /** Starts fn(...args) in a light thread of the current request or timer. Throws on failure. */
  spawn<A extends unknown[], R>(this: void, fn: (this: void, ...args: A) => R, ...args: A): NgxLightThread;
  /**
   * Waits for the first of the threads to end: true and fn's first return value, or false and
   * the error it raised. Only the thread's creator may wait for it.
   */
  wait(this: void, ...threads: NgxLightThread[]): LuaMultiReturn<[boolean, unknown]>;
  /** Kills a thread this one created (and that is not waiting on I/O of another's). */
  kill(this: void, thread: NgxLightThread): LuaMultiReturn<[1 | undefined, string | undefined]>;
}

interface NgxApi {
  /** nginx variables by name; unset variables are nil. Assigning requires the variable to exist. */
  var: { [name: string]: string | undefined };
  ctx: NgxCtx;
  req: NgxReq;
  /** Response headers to send (or already set); assign nil to remove. */
  header: { [name: string]: string | number | string[] | undefined };
  /** Response status; settable until the headers are sent. */
  status: number;
  readonly shared: { readonly [zone: string]: NgxShDict | undefined };
  readonly timer: NgxTimer;
  readonly worker: NgxWorker;
  readonly thread: NgxThreadApi;
  readonly socket: NgxSocket;
  readonly re: NgxRe;
  readonly config: NgxConfig;
  readonly null: NgxNull;

  /** Ends the request (status >= 200) or the phase handler (ngx.OK). Write `return ngx.exit(...)`. */
  exit(this: void, status: number): void;
  say<T extends NgxOutput[]>(this: void, ...args: NgxOutputArgs<T>): LuaMultiReturn<[1 | undefined, string | undefined]>;
  print<T extends NgxOutput[]>(this: void, ...args: NgxOutputArgs<T>): LuaMultiReturn<[1 | undefined, string | undefined]>;
  flush(this: void, wait?: boolean): LuaMultiReturn<[1 | undefined, string | undefined]>;
  eof(this: void): LuaMultiReturn<[1 | undefined, string | undefined]>;
  log(this: void, level: NgxLogLevel, ...args: NgxLogArg[]): void;
  /** Yields for `seconds` (millisecond resolution) without blocking the worker. */
  sleep(this: void, seconds: number): void;

  /** Cached epoch seconds (integer). */
  time(this: void): number;
  /** Cached epoch seconds with milliseconds. */
  now(this: void): number;
  /** Refreshes the cached time read by time() and now(). */
  update_time(this: void): void;
  /** "yyyy-mm-dd", local time. */
  today(this: void): string;
  /** "yyyy-mm-dd hh:mm:ss", local time. */
  localtime(this: void): string;
  /** "yyyy-mm-dd hh:mm:ss", UTC. */
  utctime(this: void): string;
  /** e.g. "Thu, 18 Nov 2010 11:27:35 GMT". */
  http_time(this: void, seconds: number): string;
  /** e.g. "Thu, 18-Nov-10 11:27:35 GMT". */
  cookie_time(this: void, seconds: number): string;
  parse_http_time(this: void, text: string): number | undefined;
  get_phase(this: void): NgxPhase;

  /** A quoted SQL string literal, quotes included. */
  quote_sql_str(this: void, raw: string): string;
  /** type 2 (default) escapes a full URI component; 0 escapes a URI (keeps "/"). */
  escape_uri(this: void, text: string, type?: 0 | 2): string;
  unescape_uri(this: void, text: string): string;
  encode_args(this: void, args: NgxArgsInput): string;
  decode_args(this: void, query: string, max_args?: number): LuaMultiReturn<[NgxArgs, NgxTruncated]>;
  encode_base64(this: void, data: string, no_padding?: boolean): string;
  /** nil when the input is not valid base64. */
  decode_base64(this: void, text: string): string | undefined;
  /** Hex digest. */
  md5(this: void, data: string): string;
  md5_bin(this: void, data: string): string;
  sha1_bin(this: void, data: string): string;
  /** Binary HMAC-SHA1 digest. */
  hmac_sha1(this: void, key: string, data: string): string;
  crc32_short(this: void, data: string): number;
  crc32_long(this: void, data: string): number;

  readonly STDERR: 0;
  readonly EMERG: 1;
  readonly ALERT: 2;
  readonly CRIT: 3;
  readonly ERR: 4;
  readonly WARN: 5;
  readonly NOTICE: 6;
  readonly INFO: 7;
  readonly DEBUG: 8;

  readonly OK: 0;
  readonly ERROR: -1;
  readonly AGAIN: -2;
  readonly DONE: -4;
  readonly DECLINED: -5;

  readonly HTTP_CONTINUE: 100;
  readonly HTTP_SWITCHING_PROTOCOLS: 101;
  readonly HTTP_OK: 200;
  readonly HTTP_CREATED: 201;
  readonly HTTP_ACCEPTED: 202;
  readonly HTTP_NO_CONTENT: 204;
  readonly HTTP_PARTIAL_CONTENT: 206;
  readonly HTTP_SPECIAL_RESPONSE: 300;
  readonly HTTP_MOVED_PERMANENTLY: 301;
  readonly HTTP_MOVED_TEMPORARILY: 302;
  readonly HTTP_SEE_OTHER: 303;
  readonly HTTP_NOT_MODIFIED: 304;
  readonly HTTP_TEMPORARY_REDIRECT: 307;
  readonly HTTP_PERMANENT_REDIRECT: 308;
  readonly HTTP_BAD_REQUEST: 400;
  readonly HTTP_UNAUTHORIZED: 401;
  readonly HTTP_PAYMENT_REQUIRED: 402;
  readonly HTTP_FORBIDDEN: 403;
  readonly HTTP_NOT_FOUND: 404;
  readonly HTTP_NOT_ALLOWED: 405;
  readonly HTTP_NOT_ACCEPTABLE: 406;
  readonly HTTP_REQUEST_TIMEOUT: 408;
  readonly HTTP_CONFLICT: 409;
  readonly HTTP_GONE: 410;
  readonly HTTP_UPGRADE_REQUIRED: 426;
  readonly HTTP_TOO_MANY_REQUESTS: 429;
  readonly HTTP_CLOSE: 444;
  readonly HTTP_ILLEGAL: 451;
  readonly HTTP_INTERNAL_SERVER_ERROR: 500;
  readonly HTTP_METHOD_NOT_IMPLEMENTED: 501;
  readonly HTTP_BAD_GATEWAY: 502;
  readonly HTTP_SERVICE_UNAVAILABLE: 503;
  readonly HTTP_GATEWAY_TIMEOUT: 504;
  readonly HTTP_VERSION_NOT_SUPPORTED: 505;
  readonly HTTP_INSUFFICIENT_STORAGE: 507;
}

declare const ngx: NgxApi;
