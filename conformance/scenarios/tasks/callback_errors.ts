// An exception raised by a plain callback (callSoon, callLater, a done callback) goes to the
// loop's exception handler, and the loop carries on with the next callback.
import { type Future, getRunningLoop, sleep } from "corio";
import { ename, now, print, ValueError } from "../../harness/trace.js";

function boom(label: string): never {
  throw new ValueError(label);
}

export default function* main() {
  const loop = getRunningLoop();
  loop.setExceptionHandler((_loop, ctx) =>
    print(now(), "handler got", ename(ctx.exception), ctx.exception),
  );
  loop.callSoon(() => boom("from call_soon"));
  loop.callSoon(() => print("next callback still runs"));
  loop.callLater(100, () => boom("from call_later"));
  const fut = loop.createFuture<void>() as Future<void>;
  fut.addDoneCallback(() => boom("from a done callback"));
  fut.addDoneCallback(() => print(now(), "second done callback runs"));
  loop.callLater(200, () => fut.setResult(undefined));
  yield* fut;
  yield* sleep(0);
  print(now(), "main carries on");
}
