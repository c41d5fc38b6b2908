// Without returnExceptions the first error reaches the awaiter at once; the other children are
// not cancelled and keep running.
import { createTask, gather, sleep } from "corio";
import { ename, now, print, ValueError } from "../../harness/trace.js";

function* worker(name: string, delay: number, fail = false) {
  yield* sleep(delay);
  if (fail) {
    print(now(), name, "raises");
    throw new ValueError(name);
  }
  print(now(), name, "finished");
  return name;
}

export default function* main() {
  const a = createTask(worker("a", 500));
  const b = createTask(worker("b", 100, true));
  const c = createTask(worker("c", 200, true));
  const g = gather(a, b, c);
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(now(), "gather raised", ename(e), e);
  }
  print("a done", a.done(), "c done", c.done());
  yield* sleep(1000);
  print(now(), "a result", a.result(), "c exception", ename(c.exception()));
  print("gather done", g.done(), "cancel() on done gather", g.cancel());
}
