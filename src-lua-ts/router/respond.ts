// JSON answers the router gives itself (errors, its endpoints). Never an HTML error page:
// clients of the cluster read these.
import * as cjson from "cjson.safe";

export function json(status: number, body: object): void {
  const [text] = cjson.encode(body);
  ngx.status = status;
  ngx.header["Content-Type"] = "application/json";
  ngx.header["Cache-Control"] = "no-store";
  ngx.say(text ?? "{}");
  ngx.exit(status);
}
