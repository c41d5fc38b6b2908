// cancelling() counts cancellation requests; uncancel() withdraws one. A task that swallows a
// cancellation keeps the count until it uncancels.
import { CancelledError, createTask, currentTask, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* worker() {
  const me = currentTask()!;
  for (let round = 0; round < 2; round++) {
    try {
      yield* sleep(1000);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(now(), "round", round, "caught; cancelling", me.cancelling());
      print("uncancel ->", me.uncancel());
    }
  }
  print(now(), "worker finished; cancelling", me.cancelling());
  return "ok";
}

export default function* main() {
  const t = createTask(worker());
  yield* sleep(100);
  print("cancel ->", t.cancel(), "cancel ->", t.cancel());
  print("cancelling after two requests", t.cancelling());
  yield* sleep(100);
  t.cancel();
  print(now(), "result", yield* t, "cancelled", t.cancelled());
}
