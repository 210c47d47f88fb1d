// resty.dns.resolver (lua-resty-dns): DNS queries over cosockets.
// `new` takes the module as its first argument (`resolver:new{...}`), so its `this` is the
// module and TSTL emits `:`. Resolver methods take `:`; the helpers below take `.`.
// The test runtime loads Debian's copy (0.20), which ignores `no_random` and `tries`.
declare module "resty.dns.resolver" {
  /** "8.8.8.8" (port 53) or ["10.0.0.2", 5353]. */
  export type Nameserver = string | [host: string, port: number];

  export interface ResolverOptions {
    nameservers: Nameserver[];
    /** Retransmissions on a UDP receive timeout (default 5). */
    retrans?: number;
    /** Per-try timeout in ms (default 2000). */
    timeout?: number;
    /** Always start with the first nameserver instead of a random one (lua-resty-dns 0.22+). */
    no_random?: boolean;
    /** Clear the "recursion desired" flag. */
    no_recurse?: boolean;
  }

  export interface QueryOptions {
    /** One of the TYPE_* constants; default TYPE_A. */
    qtype?: number;
    authority_section?: boolean;
    additional_section?: boolean;
  }

  /** One resource record; the fields present depend on `type`. */
  export interface DnsAnswer {
    name: string;
    type: number;
    class: number;
    /** Seconds. */
    ttl: number;
    /** SECTION_AN, SECTION_NS or SECTION_AR. */
    section: number;
    /** A and AAAA. */
    address?: string;
    /** CNAME. */
    cname?: string;
    /** SRV. */
    priority?: number;
    weight?: number;
    port?: number;
    target?: string;
    /** MX. */
    preference?: number;
    exchange?: string;
    /** NS. */
    nsdname?: string;
    /** PTR. */
    ptrdname?: string;
    /** TXT and SPF: a list when the record holds several strings. */
    txt?: string | string[];
    /** Record types the library does not parse. */
    rdata?: string;
  }

  /** The records, plus the server's RCODE when it is not 0 (e.g. 3 "name error" for NXDOMAIN). */
  export type DnsAnswers = DnsAnswer[] & { errcode?: number; errstr?: string };

  export interface Resolver {
    /**
     * Over UDP (TCP when truncated). answers, or nil and err; `tries`, when given, receives
     * the error of each failed try and is returned third (lua-resty-dns 0.22+).
     */
    query(
      name: string,
      options?: QueryOptions,
      tries?: string[],
    ): LuaMultiReturn<[DnsAnswers | undefined, string | undefined, string[] | undefined]>;
    tcp_query(name: string, options?: QueryOptions): LuaMultiReturn<[DnsAnswers | undefined, string | undefined]>;
    /** Milliseconds, for later queries. */
    set_timeout(ms: number): void;
    /** PTR query for an IPv4 or IPv6 address. */
    reverse_query(address: string): LuaMultiReturn<[DnsAnswers | undefined, string | undefined]>;
  }

  /** A resolver, or nil and err. Call as `resolver.new(opts)` in TypeScript: TSTL emits `resolver:new(opts)`. */
  function create(
    this: typeof import("resty.dns.resolver"),
    options: ResolverOptions,
  ): LuaMultiReturn<[Resolver | undefined, string | undefined]>;
  export { create as new };

  export function compress_ipv6_addr(this: void, address: string): string;
  export function expand_ipv6_addr(this: void, address: string): string;
  /** The in-addr.arpa / ip6.arpa name of an address. */
  export function arpa_str(this: void, address: string): string;

  export const TYPE_A: 1;
  export const TYPE_NS: 2;
  export const TYPE_CNAME: 5;
  export const TYPE_SOA: 6;
  export const TYPE_PTR: 12;
  export const TYPE_MX: 15;
  export const TYPE_TXT: 16;
  export const TYPE_AAAA: 28;
  export const TYPE_SRV: 33;
  export const TYPE_SPF: 99;
  export const CLASS_IN: 1;
  export const SECTION_AN: 1;
  export const SECTION_NS: 2;
  export const SECTION_AR: 3;
}
