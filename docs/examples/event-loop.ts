import { getRunningLoop, sleep } from "corio";

export function* main() {
  const loop = getRunningLoop();
  const at = () => `${loop.time()} ms`;
  // Each call only books an event; nothing runs until main gives control back to the loop.
  loop.callLater(2000, () => console.log(`${at()}: the 2 s timer fires`));
  loop.callLater(500, () => console.log(`${at()}: the 0.5 s timer fires`));
  loop.callSoon(() => console.log(`${at()}: the callSoon callback runs`));
  console.log(`${at()}: main booked three events and now sleeps`);
  yield* sleep(3000);
  console.log(`${at()}: main wakes up`);
}
