// JSON answers the router gives itself (errors, its endpoints). Never an HTML error page:
// clients of the cluster read these.
import * as cjson from "cjson.safe";

/**
 * Stands in for an empty list until encoded. An empty Lua table encodes as `{}`; OpenResty's
 * cjson has empty_array for `[]`, Debian's test runtime does not, so json() writes it itself.
 */
const EMPTY_LIST = "\u0001kuma-empty-list\u0001";
const EMPTY_LIST_JSON = '"\\u0001kuma-empty-list\\u0001"';

/** `items` as a JSON list, `[]` when empty (never `{}`). */
export function list<T>(items: T[]): T[] {
  if (items.length > 0) return items;
  return (cjson.empty_array ?? EMPTY_LIST) as unknown as T[];
}

export function json(status: number, body: object): void {
  const [encoded] = cjson.encode(body);
  const text = encoded === undefined ? "{}" : encoded.split(EMPTY_LIST_JSON).join("[]");
  ngx.status = status;
  ngx.header["Content-Type"] = "application/json";
  ngx.header["Cache-Control"] = "no-store";
  ngx.say(text);
  ngx.exit(status);
}
