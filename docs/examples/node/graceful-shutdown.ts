// A long-running service that stops cleanly on SIGTERM: the handler sets an Event, the main task
// wakes, stops the workers and waits for their own clean-up. Needs Node.js.
import { createTask, Event, getRunningLoop, sleep, wait } from "corio";

function* worker(name: string) {
  try {
    for (;;) yield* sleep(100); // serve requests...
  } finally {
    console.log(`${name}: connections closed`);
  }
}

export function* main() {
  const loop = getRunningLoop();
  const stop = new Event();
  loop.addSignalHandler("SIGTERM", () => {
    console.log("SIGTERM: shutting down");
    stop.set();
  });
  const workers = [createTask(worker("worker 1")), createTask(worker("worker 2"))];
  console.log("serving");
  // Stands in for `kill <pid>` from outside, so that the example ends by itself.
  loop.callLater(300, () => process.kill(process.pid, "SIGTERM"));
  yield* stop.wait();
  for (const w of workers) w.cancel();
  yield* wait(workers); // let their finally blocks finish
  loop.removeSignalHandler("SIGTERM");
  console.log("all clean, exiting");
}
