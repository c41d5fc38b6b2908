// gather returns results in argument order whatever the completion order; coroutines become
// tasks; the same awaitable twice runs once; gather() of nothing is [].
import { createTask, type Future, gather, getRunningLoop, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* job(name: string, delay: number) {
  print(now(), "start", name);
  yield* sleep(delay);
  print(now(), "end", name);
  return name;
}

export default function* main() {
  const shared = createTask(job("shared", 200));
  const results = yield* gather(job("slow", 300), shared, job("fast", 100), shared);
  print(now(), "results", results);
  print("empty", yield* gather());
  const fut = getRunningLoop().createFuture<string>() as Future<string>;
  getRunningLoop().callLater(50, () => fut.setResult("from a future"));
  const mixed = yield* gather(fut, job("coro", 10));
  print(now(), "with a future", mixed);
  print(now(), "end");
}
