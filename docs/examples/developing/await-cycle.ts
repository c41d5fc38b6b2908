// Two tasks that wait for each other: neither can ever finish.
import { createTask, sleep, type TaskLike } from "corio";

export function* main() {
  const tasks: { a?: TaskLike<void>; b?: TaskLike<void> } = {};
  tasks.a = createTask(
    (function* () {
      yield* sleep(0);
      yield* tasks.b!; // a waits for b...
    })(),
    { name: "a" },
  );
  tasks.b = createTask(
    (function* () {
      yield* sleep(0);
      yield* tasks.a!; // ...and b waits for a
    })(),
    { name: "b" },
  );
  yield* tasks.a;
}
