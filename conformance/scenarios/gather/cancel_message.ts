// gather(...).cancel(msg) passes the message on to every child, and the awaiter of the gather
// sees it too.
import { CancelledError, gather, sleep } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* child(name: string) {
  try {
    yield* sleep(1000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), name, "cancelled with", `[${e.message}]`);
    throw e;
  }
}

export default function* main() {
  const g = gather(child("a"), child("b"));
  yield* sleep(100);
  print("cancel ->", g.cancel("shutting down"), "again ->", g.cancel("twice"));
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "awaiter got", ename(e), `[${e.message}]`);
  }
}
