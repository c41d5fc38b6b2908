import { RuntimeError, run, sleep } from "corio";

function* work() {
  yield* sleep(1000);
  return "work done";
}

export function* main() {
  // main is already running on a loop, like a cell in a notebook whose kernel runs one.
  try {
    run(work);
  } catch (error) {
    if (error instanceof RuntimeError) console.log(`RuntimeError: ${error.message}`);
  }
  // Inside a coroutine, wait for the other coroutine directly instead.
  const result = yield* work();
  console.log(result);
}
