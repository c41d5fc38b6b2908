import { createTask, getRunningLoop, sleep } from "corio";

function* ticker() {
  const loop = getRunningLoop();
  for (let i = 1; i <= 3; i++) {
    console.log(`ticker: tick ${i} at ${loop.time()} ms`);
    yield* sleep(300);
  }
}

function* fetchTotal() {
  console.log("fetchTotal: asking the server");
  yield* sleep(1000); // stands in for a network round trip
  return 42;
}

export function* main() {
  const loop = getRunningLoop();
  const tick = createTask(ticker(), { name: "ticker" });
  // Enters fetchTotal at once; when it reaches its sleep, main gives up control,
  // and the ticker runs while main waits.
  const total = yield* fetchTotal();
  // The callee finished: main has its return value and holds control again.
  console.log(`main: total is ${total} at ${loop.time()} ms`);
  yield* tick;
}
