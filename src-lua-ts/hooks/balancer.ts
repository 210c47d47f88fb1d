// balancer_by_lua: apply the access phase's decision.
import { balance } from "../router/balancer";
import { guard } from "../runtime/guard";

export function run(): void {
  guard("balancer", balance);
}
