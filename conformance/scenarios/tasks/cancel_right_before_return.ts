// A task cancelled in the same step in which its coroutine returns ends cancelled (with the
// cancel message); its return value is dropped. uncancel() in that step undoes it.
import { CancelledError, createTask, currentTask } from "corio";
import { ename, print } from "../../harness/trace.js";

function* returnsAfterSelfCancel(undo: boolean) {
  const me = currentTask()!;
  me.cancel("right before return");
  if (undo) me.uncancel();
  return "value";
}

export default function* main() {
  for (const undo of [false, true]) {
    const t = createTask(returnsAfterSelfCancel(undo));
    try {
      const result = yield* t;
      print("undo", undo, "-> result", result);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("undo", undo, "-> raised", ename(e), `[${e.message}]`, "cancelled", t.cancelled());
    }
  }
}
