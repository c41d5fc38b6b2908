// 两个任务互相等待：谁都永远完不成。
import { createTask, sleep, type TaskLike } from "corio";

export function* main() {
  const tasks: { a?: TaskLike<void>; b?: TaskLike<void> } = {};
  tasks.a = createTask(
    (function* () {
      yield* sleep(0);
      yield* tasks.b!; // a 等着 b……
    })(),
    { name: "a" },
  );
  tasks.b = createTask(
    (function* () {
      yield* sleep(0);
      yield* tasks.a!; // ……b 又等着 a
    })(),
    { name: "b" },
  );
  yield* tasks.a;
}
