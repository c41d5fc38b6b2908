// Deviation: awaiting a coroutine object a second time raises RuntimeError in Python. A corio
// coroutine is a generator: a second yield* of a finished generator returns undefined at once,
// without an error (and a second yield* of the same sleep() returns at once, the future being
// done).
import { sleep } from "corio";
import { ename, now, print } from "../harness/trace.js";

export const expected = "100 first await: result\n100 second await: None\n";

function* work() {
  yield* sleep(100);
  return "result";
}

export default function* main() {
  const c = work();
  let value: unknown = yield* c;
  print(now(), "first await:", value);
  try {
    value = yield* c;
    print(now(), "second await:", value);
  } catch (e) {
    print(now(), "second await raised", ename(e));
  }
}
