// wait() with FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED returns {done, pending} at the
// right moment and never cancels what is pending.
import {
  ALL_COMPLETED,
  createTask,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  sleep,
  type Task,
  wait,
} from "corio";
import { ename, now, print, ValueError } from "../../harness/trace.js";

function* job(delay: number, fail = false) {
  yield* sleep(delay);
  if (fail) throw new ValueError("job failed");
  return delay / 1000;
}

function names(tasks: Set<Task<number>>) {
  return [...tasks].map((t) => t.getName()).sort();
}

function start() {
  return [
    createTask(job(300), { name: "slow" }),
    createTask(job(200, true), { name: "failing" }),
    createTask(job(100), { name: "fast" }),
  ];
}

export default function* main() {
  for (const when of [FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED] as const) {
    const t0 = now();
    const tasks = start();
    const { done, pending } = yield* wait(tasks, { returnWhen: when });
    print(now() - t0, when, "done", names(done), "pending", names(pending));
    print(
      "  pending cancelled?",
      [...pending].map((t) => t.cancelled()),
    );
    yield* wait(tasks);
  }
  const t0 = now();
  const tasks = start();
  let r = yield* wait(tasks, { timeout: 150 });
  print(now() - t0, "timeout 150 ms: done", names(r.done), "pending", names(r.pending));
  r = yield* wait(tasks, { timeout: 0 });
  print(now() - t0, "timeout 0: done", names(r.done), "pending", names(r.pending));
  yield* wait(tasks);
  print(now() - t0, "exception of failing:", ename(tasks[1]!.exception()));
}
