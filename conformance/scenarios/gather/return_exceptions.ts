// With returnExceptions, errors and cancellations take their place among the results and
// every child runs to its end.
import { createTask, gather, getRunningLoop, sleep } from "corio";
import { KeyError, now, print, show, ValueError } from "../../harness/trace.js";

function* ok(delay: number, value: string) {
  yield* sleep(delay);
  print(now(), "ok", value);
  return value;
}

function* fail(delay: number, exc: Error): Generator<any, never, any> {
  yield* sleep(delay);
  print(now(), "raising", exc.name);
  throw exc;
}

export default function* main() {
  const victim = createTask(ok(10_000, "never"));
  getRunningLoop().callLater(150, () => victim.cancel());
  const results = yield* gather(
    ok(300, "a"),
    fail(100, new ValueError("bad")),
    victim,
    fail(200, new KeyError("k")),
    ok(50, "b"),
    { returnExceptions: true },
  );
  print(now(), "results", results.map(show));
}
