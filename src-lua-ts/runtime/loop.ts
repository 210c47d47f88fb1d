// Long-lived timer loops for the prober and the writer. The writer's MariaDB session must
// outlive a tick (GET_LOCK belongs to the session, and a cosocket cannot be used by another
// timer), so each loop is one timer that sleeps between steps until the worker exits.
import { guard } from "./guard";

/** Runs step() every stepS seconds (first at once), then onExit() when the worker exits. */
export function runLoop(name: string, stepS: () => number, step: () => void, onExit: () => void): void {
  const loop = (premature: boolean): void => {
    if (!premature) {
      while (!ngx.worker.exiting()) {
        guard(name, step);
        ngx.sleep(stepS());
      }
    }
    guard(`${name} exit`, onExit);
  };
  const [ok, err] = ngx.timer.at(0, loop);
  if (ok === undefined) ngx.log(ngx.ERR, `${name}: cannot start its timer: ${err}`);
}
