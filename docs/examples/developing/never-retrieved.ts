// A task that fails while nobody waits for it: corio reports the failure through the loop's
// exception handler, whose default prints it to stderr.
import { createTask, sleep } from "corio";

function* sendReport(): Generator<never, void, unknown> {
  throw new Error("mail server refused the report");
}

export function* main() {
  createTask(sendReport()); // fire and forget: nobody ever looks at this task again
  yield* sleep(1000);
  console.log("main: done after 1 s");
}
