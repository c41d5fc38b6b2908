// Callbacks: callSoon runs in FIFO order; callLater timers with equal deadlines run in the order
// they were scheduled, after the callbacks already ready; a cancelled timer never runs.
import { type Future, getRunningLoop } from "corio";
import { now, print } from "../../harness/trace.js";

export default function* main() {
  const loop = getRunningLoop();
  const done = loop.createFuture<void>() as Future<void>;
  loop.callLater(200, () => print(now(), "later 200 #1"));
  loop.callLater(100, () => print(now(), "later 100"));
  loop.callAt(loop.time() + 200, () => print(now(), "at 200 #2"));
  const cancelled = loop.callLater(150, () => print("cancelled timer ran"));
  loop.callLater(0, () => print(now(), "later 0"));
  loop.callSoon(() => print(now(), "soon 1"));
  loop.callSoon(() => print(now(), "soon 2"));
  loop.callLater(-5, () => print(now(), "later -5"));
  loop.callLater(200, () => print(now(), "later 200 #3"));
  loop.callLater(300, () => done.setResult(undefined));
  cancelled.cancel();
  print("cancelled handle:", cancelled.cancelled());
  yield* done;
  print(now(), "end");
}
