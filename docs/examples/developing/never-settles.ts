// Waiting on a promise that never settles: nothing is left for the loop to do and nothing can
// ever wake the task.
import { fromPromise } from "corio";

export function* main() {
  console.log("main: waiting for a reply");
  // A reply that never comes: a promise whose resolve was lost.
  yield* fromPromise(new Promise<string>(() => {}));
  console.log("main: never printed");
}
