// A main task that cancels itself makes run() raise CancelledError; an inner try/finally runs.
import { currentTask, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

export default function* main() {
  try {
    yield* sleep(100);
    currentTask()!.cancel();
    print(now(), "main cancelled itself");
    yield* sleep(1000);
  } finally {
    print(now(), "main finally");
  }
}
