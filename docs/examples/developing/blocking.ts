// A coroutine that computes for a long stretch without a yield* holds up every other task. Debug
// mode (run(main, { debug: true })) names such slow steps.
import { createTask, sleep } from "corio";

function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // hashing, parsing, a tight loop: nothing lets the loop run meanwhile
  }
}

function* heartbeat() {
  for (let i = 0; i < 3; i++) {
    console.log(`heartbeat ${i}`);
    yield* sleep(100);
  }
}

export function* main() {
  const beat = createTask(heartbeat());
  yield* sleep(0);
  busyFor(150); // blocks the loop: the heartbeat due at 100 ms cannot run
  console.log("main: computed for 150 ms");
  yield* beat;
}
