// When main returns, run() cancels the tasks still alive and lets their finally blocks run.
// (One leftover only: asyncio cancels leftovers in the order of a set, which is unspecified.)
import { CancelledError, createTask, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* background(name: string, delay: number) {
  try {
    yield* sleep(delay);
    print(now(), name, "finished normally");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), name, "cancelled at shutdown");
    throw e;
  } finally {
    print(now(), name, "finally");
  }
}

export default function* main() {
  createTask(background("short", 100));
  createTask(background("long-1", 10_000));
  yield* sleep(500);
  print(now(), "main returns");
  return "main result";
}
