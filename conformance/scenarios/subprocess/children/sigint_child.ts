// The program sigint_cancels_main.ts interrupts: run() with a main that sleeps, then prints from
// its finally block once Ctrl-C cancels it. run() sets process.exitCode to 130 itself.
import { KeyboardInterrupt, run, sleep } from "corio";

try {
  await run(function* () {
    console.log("ready");
    try {
      yield* sleep(30_000);
    } finally {
      console.log("main finally runs");
    }
  });
} catch (error) {
  if (!(error instanceof KeyboardInterrupt)) throw error;
  console.log("run raised KeyboardInterrupt");
}
