// ngx.balancer (lua-resty-core): choose the upstream peer from balancer_by_lua*.
// Plain module functions, called with `.`.
declare module "ngx.balancer" {
  /** How the previous try of this request ended; nil on the first try. */
  export type PeerState = "failed" | "next" | "keepalive" | "unknown";

  /** host must be an IP address (no DNS here); port defaults to the upstream's. */
  export function set_current_peer(this: void, host: string, port?: number): LuaMultiReturn<[true | undefined, string | undefined]>;
  /** Extra tries after this one (bounded by proxy_next_upstream_tries); err may carry a warning when true. */
  export function set_more_tries(this: void, count: number): LuaMultiReturn<[true | undefined, string | undefined]>;
  /** state, upstream status code of the failed try (0 when none), or nil, nil, err. */
  export function get_last_failure(this: void): LuaMultiReturn<[PeerState | undefined, number | undefined, string | undefined]>;
  /** Seconds (fractions allowed) for the current try; nil keeps the configured value. */
  export function set_timeouts(
    this: void,
    connect?: number,
    send?: number,
    read?: number,
  ): LuaMultiReturn<[true | undefined, string | undefined]>;
}
