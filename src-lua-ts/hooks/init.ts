// init_by_lua: validate the environment (an error here stops nginx) and load every module
// once in the master, so workers share the compiled code.
import * as config from "../runtime/config";
import * as jitTuning from "../runtime/jit_tuning";
import "./access";
import "./balancer";
import "./endpoints";
import "./init_worker";
import "./log";
import "./observability";

export function run(): void {
  jitTuning.tune();
  config.load();
  config.logEnvironment();
}
