// A sleep made ahead of time starts counting when it is awaited, not when it is made; a task
// made from it starts with the task.
import { createTask, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

export default function* main() {
  const s = sleep(100, "late");
  yield* sleep(500);
  let value = yield* s;
  print(now(), "sleep made at 0, awaited at 500:", value);
  const t = createTask(
    (function* () {
      return yield* sleep(200, "task");
    })(),
  );
  yield* sleep(50);
  value = yield* t;
  print(now(), "sleep wrapped in a task:", value);
}
