// A task that catches its cancellation and keeps going: run() cancels every task left when main
// returns, and waits for each to stop.
import { CancelledError, createTask, sleep } from "corio";

function* stubborn() {
  for (;;) {
    try {
      yield* sleep(1000);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("stubborn: cancelled, carrying on anyway");
    }
  }
}

export function* main() {
  createTask(stubborn());
  yield* sleep(10);
  console.log("main: done, run() now cancels what is left");
}
