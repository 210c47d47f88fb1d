// cjson.safe: lua-cjson's variant that returns nil and an error instead of raising.
// Every function is called with `.`.
declare module "cjson.safe" {
  /** Type-only brand; there is no such value at runtime. */
  const emptyArrayBrand: unique symbol;
  /** cjson.empty_array: a light userdata encoded as `[]`. */
  export type CjsonEmptyArray = { readonly [emptyArrayBrand]: "cjson.empty_array" };

  /** JSON text, or nil and err (cycles, functions, NaN, too deep). */
  export function encode(this: void, value: unknown): LuaMultiReturn<[string | undefined, string | undefined]>;
  /** The decoded value (JSON null is cjson.null), or nil and err: validate before use. */
  export function decode(this: void, text: string): LuaMultiReturn<[unknown, string | undefined]>;
  /** JSON null: the same light userdata as ngx.null. */
  const null_: NgxNull;
  export { null_ as null };

  /** A fresh module instance with its own settings. */
  function create(this: void): typeof import("cjson.safe");
  export { create as new };

  // Settings of upstream lua-cjson: each returns the current setting(s).
  export function encode_sparse_array(
    this: void,
    convert?: boolean,
    ratio?: number,
    safe?: number,
  ): LuaMultiReturn<[boolean, number, number]>;
  export function encode_max_depth(this: void, depth?: number): number;
  export function decode_max_depth(this: void, depth?: number): number;
  export function encode_number_precision(this: void, precision?: number): number;
  export function encode_keep_buffer(this: void, keep?: boolean): boolean;
  export function encode_invalid_numbers(this: void, setting?: boolean | "null"): boolean | "null";
  export function decode_invalid_numbers(this: void, setting?: boolean): boolean;

  // OpenResty's lua-cjson fork only: nil with upstream lua-cjson 2.1.0 (Debian's, on the test
  // runtime), hence `| undefined`.
  export const empty_array: CjsonEmptyArray | undefined;
  /** Metatable marking a table as a JSON array (so `{}` encodes as `[]`). */
  export const array_mt: LuaTable | undefined;
  /** Metatable that encodes an empty table as `[]` and a filled one as an object or array. */
  export const empty_array_mt: LuaTable | undefined;
  /** Whether `{}` encodes as `{}` (true, the default) or `[]`. */
  export const encode_empty_table_as_object: ((this: void, setting: boolean | "on" | "off") => void) | undefined;
  /** Whether decoded arrays get array_mt, so they re-encode as arrays even when empty. */
  export const decode_array_with_array_mt: ((this: void, enabled: boolean) => void) | undefined;
  /** Whether "/" is escaped as "\/" (true by default in the fork). */
  export const encode_escape_forward_slash: ((this: void, enabled: boolean) => void) | undefined;
}
