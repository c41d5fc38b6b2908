// wait() whose timeout falls on the same instant a task finishes: the task's timer was armed
// first, so it counts as done when wait() returns.
import { createTask, sleep, type Task, wait } from "corio";
import { now, print } from "../../harness/trace.js";

function* job(delay: number) {
  yield* sleep(delay);
  return delay;
}

const names = (s: Set<Task<number>>) => [...s].map((t) => t.getName()).sort();

export default function* main() {
  const a = createTask(job(100), { name: "a" });
  const b = createTask(job(200), { name: "b" });
  yield* sleep(0);
  let r = yield* wait([a, b], { timeout: 100 });
  print(now(), "done", names(r.done), "pending", names(r.pending));
  const c = createTask(job(100), { name: "c" });
  r = yield* wait([b, c], { timeout: 100 });
  print(
    now(),
    "timer armed after the wait's own: done",
    names(r.done),
    "pending",
    names(r.pending),
  );
  yield* wait([b, c]);
}
