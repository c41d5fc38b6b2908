// wait() edges: FIRST_EXCEPTION returns at once when a future already failed; a cancelled future
// is not an exception, so FIRST_EXCEPTION keeps waiting; asCompleted's timeout makes the
// remaining steps raise TimeoutError even if their task finished before the step is awaited.
import {
  asCompleted,
  createTask,
  FIRST_EXCEPTION,
  type FutureLike,
  getRunningLoop,
  sleep,
  TimeoutError,
  wait,
} from "corio";
import { ename, now, print, ValueError } from "../../harness/trace.js";

function* job(delay: number) {
  yield* sleep(delay);
  return delay / 1000;
}

export default function* main() {
  const loop = getRunningLoop();
  const failed = loop.createFuture<number>();
  failed.setException(new ValueError("already failed"));
  const slow = createTask(job(1000), { name: "slow" });
  let r = yield* wait([failed, slow] as FutureLike<number>[], { returnWhen: FIRST_EXCEPTION });
  print(
    now(),
    "already failed: done",
    r.done.size,
    "pending",
    [...r.pending].map((t) => (t as typeof slow).getName()),
  );

  const cancelled = loop.createFuture<number>();
  cancelled.cancel();
  r = yield* wait([cancelled, slow] as FutureLike<number>[], { returnWhen: FIRST_EXCEPTION });
  print(now(), "cancelled is not an exception: done", r.done.size, "pending", r.pending.size);

  const a = createTask(job(100));
  const b = createTask(job(200));
  const steps = asCompleted([a, b], { timeout: 150 });
  yield* sleep(300);
  print(now(), "both finished:", a.done(), b.done());
  for (const step of steps) {
    try {
      const value = yield* step;
      print(now(), "step gave", value);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print(now(), "step raised", ename(e));
    }
  }
}
