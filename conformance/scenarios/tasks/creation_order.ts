// Tasks start on the next loop iteration, in creation order, after the creator yields.
import { createTask, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* worker(name: string, steps: number) {
  for (let i = 0; i < steps; i++) {
    print(now(), name, "step", i);
    yield* sleep(0);
  }
  print(now(), name, "done");
}

export default function* main() {
  const a = createTask(worker("a", 2));
  const b = createTask(worker("b", 1));
  const c = createTask(worker("c", 3));
  print(now(), "main created three tasks");
  yield* sleep(0);
  print(now(), "main after one yield");
  yield* c;
  print(now(), "main done", a.done(), b.done(), c.done());
}
