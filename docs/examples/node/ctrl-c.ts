// What Ctrl-C does to a corio program: run() cancels the main task, its finally block runs, then
// run() rejects with KeyboardInterrupt and the exit code is 130. Needs Node.js; run it with
// `npx tsx ctrl-c.ts` and press Ctrl-C.
import { KeyboardInterrupt, run, sleep } from "corio";

function* main() {
  console.log("working... press Ctrl-C");
  try {
    for (;;) yield* sleep(1000);
  } finally {
    console.log("cleaning up before exit");
  }
}

try {
  await run(main);
} catch (error) {
  if (!(error instanceof KeyboardInterrupt)) throw error;
  console.log(`stopped: ${error.message}, exit code ${process.exitCode}`);
}
