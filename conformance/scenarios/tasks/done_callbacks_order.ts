// Done callbacks run through the loop in registration order, interleaved with task wakeups in
// the order each registered; one added after completion is scheduled at once.
import { createTask, type Future, getRunningLoop, sleep } from "corio";
import { print } from "../../harness/trace.js";

function* waiter(name: string, fut: Future<string>) {
  print(name, "got", yield* fut);
}

export default function* main() {
  const loop = getRunningLoop();
  const fut = loop.createFuture<string>() as Future<string>;
  fut.addDoneCallback((f) => print("callback 1 sees", f.result()));
  const w = createTask(waiter("task", fut));
  yield* sleep(0);
  fut.addDoneCallback(() => print("callback 2"));
  const cb3 = () => print("callback 3 (removed)");
  fut.addDoneCallback(cb3);
  print("removed", fut.removeDoneCallback(cb3));
  loop.callSoon(() => print("call_soon before set_result"));
  fut.setResult("value");
  print("set_result returned; nothing ran yet");
  fut.addDoneCallback(() => print("callback 4, added after done"));
  yield* w;
  print("main resumes");
}
