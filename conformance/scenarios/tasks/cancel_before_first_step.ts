// A task cancelled before its first step never runs its body; awaiting it raises CancelledError.
import { CancelledError, createTask } from "corio";
import { ename, print } from "../../harness/trace.js";

function* body() {
  print("body ran"); // never printed
  return 1;
}

export default function* main() {
  const t = createTask(body());
  print("cancel ->", t.cancel());
  print("cancelling", t.cancelling());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("await raised", ename(e));
  }
  print("cancelled", t.cancelled(), "done", t.done());
  print("cancel again ->", t.cancel());
}
