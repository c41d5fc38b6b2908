// Deviation: with returnExceptions, asyncio puts a fresh CancelledError built from the child's
// _cancel_message in a cancelled child's place; for a task that message is lost (a task marks
// itself cancelled without it), so both tasks show an empty message. corio hands over the
// CancelledError that actually cancelled the child, message included.
import { createTask, gather, getRunningLoop, sleep } from "corio";
import { ename, now, print } from "../harness/trace.js";

export const expected =
  "100 ['CancelledError[future msg]', 'CancelledError[early msg]', 'CancelledError[waiting msg]']\n";

function* sleeper() {
  yield* sleep(1000);
}

export default function* main() {
  const loop = getRunningLoop();
  const fut = loop.createFuture<void>();
  const early = createTask(sleeper());
  const waiting = createTask(sleeper());
  fut.cancel("future msg");
  early.cancel("early msg");
  loop.callLater(100, () => waiting.cancel("waiting msg"));
  const results = yield* gather(fut, early, waiting, { returnExceptions: true });
  print(
    now(),
    results.map((r) => `${ename(r)}[${(r as Error).message}]`),
  );
}
