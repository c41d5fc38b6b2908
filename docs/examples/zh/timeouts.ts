import { CancelledError, getRunningLoop, sleep, TimeoutError, timeout, waitFor } from "corio";

function* fetchPage(name: string, ms: number) {
  try {
    yield* sleep(ms);
    return name;
  } catch (error) {
    const loop = getRunningLoop();
    if (error instanceof CancelledError)
      console.log(`${loop.time()} ms: ${name} cut off, cleaning up`);
    throw error;
  }
}

export function* main() {
  const loop = getRunningLoop();

  // waitFor：一个可等待对象，一个截止时间。
  const page = yield* waitFor(fetchPage("fast page", 500), 1000);
  console.log(`${loop.time()} ms: got ${page}`);
  try {
    yield* waitFor(fetchPage("slow page", 5000), 1000);
  } catch (error) {
    if (error instanceof TimeoutError) console.log(`${loop.time()} ms: slow page timed out`);
  }

  // timeout：给包含多个步骤的一整块代码设一个截止时间。
  try {
    yield* timeout(2000, function* () {
      for (const step of ["step 1", "step 2", "step 3"]) {
        yield* fetchPage(step, 800);
        console.log(`${loop.time()} ms: ${step} done`);
      }
    });
  } catch (error) {
    if (error instanceof TimeoutError) console.log(`${loop.time()} ms: the block ran out of time`);
  }
}
