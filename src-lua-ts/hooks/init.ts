// init_by_lua: validate the environment (an error here stops nginx) and load every module
// once in the master, so workers share the compiled code.
import * as config from "../config";
import "./endpoints";

export function run(): void {
  config.load();
  config.logEnvironment();
}
