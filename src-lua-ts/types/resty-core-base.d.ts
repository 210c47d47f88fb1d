// resty.core.base (lua-resty-core): the current request, as the FFI functions take it.
declare module "resty.core.base" {
  /** An opaque `void *` cdata: a new object at each call, so never a table key by itself. */
  export type RequestPointer = { readonly __requestPointer: unique symbol };
  export function get_request(this: void): RequestPointer | undefined;
}

// LuaJIT's ffi module, the part used here.
declare module "ffi" {
  /** A C cast; `ffi.cast("uintptr_t", p)` gives an integer cdata that tonumber() reads. */
  export function cast(this: void, ctype: string, value: unknown): unknown;
}
