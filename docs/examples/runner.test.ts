import { createTask, getRunningLoop, Runner, sleep, type Task } from "corio";
import { expect, it } from "vitest";

function* heartbeat(log: string[]) {
  for (;;) {
    yield* sleep(100);
    log.push(`beat at ${getRunningLoop().time()} ms`);
  }
}

it("keeps one loop, and its tasks, across several runs", async () => {
  const log: string[] = [];
  const runner = new Runner({ clock: "virtual" });
  try {
    // First run: start a background task and leave it running.
    let beat: Task<void> | undefined;
    await runner.run(function* () {
      beat = createTask(heartbeat(log), { name: "heartbeat" });
      yield* sleep(250);
    });
    log.push("first run over");
    // Second run, same loop: the heartbeat goes on where it was.
    await runner.run(function* () {
      yield* sleep(100);
    });
    log.push(`heartbeat still alive: ${!beat?.done()}`);
  } finally {
    // Cancels the heartbeat, waits for it, closes the loop.
    await runner.close();
  }
  expect(log).toEqual([
    "beat at 100 ms",
    "beat at 200 ms",
    "first run over",
    "beat at 300 ms",
    "heartbeat still alive: true",
  ]);
});
