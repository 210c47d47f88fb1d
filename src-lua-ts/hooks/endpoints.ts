// The router's own endpoints (content phase). Public: /lb/health. Internal: /lb/config.
import * as cjson from "cjson.safe";
import * as config from "../config";
import { guard } from "./guard";

function reply(status: number, body: object): void {
  ngx.status = status;
  ngx.header["Content-Type"] = "application/json";
  ngx.header["Cache-Control"] = "no-store";
  const [json] = cjson.encode(body);
  ngx.say(json ?? "{}");
}

export function health(): void {
  guard("health", () => reply(200, { status: "ok" }));
}

/** The effective configuration; secrets are redacted by config. Internal listener only. */
export function config_(): void {
  guard("config", () => {
    const s = config.get();
    reply(200, {
      environment: s.environment,
      variables: config.effectiveEnvironment(),
      dns: s.dns,
      health: s.health,
      router: s.router,
      cluster: s.cluster,
    });
  });
}
export { config_ as config };
