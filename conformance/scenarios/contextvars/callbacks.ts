// Callbacks run in a context: callSoon/callLater/callAt and addDoneCallback take a copy of the
// context current when they are scheduled, or the context passed with { context }; what a
// callback sets stays in its context.
import { ContextVar, copyContext, getRunningLoop, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

const v = new ContextVar<string>("v", { default: "-" });

export default function* main() {
  const loop = getRunningLoop();
  const given = copyContext();
  given.run(() => v.set("given"));
  v.set("main-1");

  function show(label: string) {
    print(now(), label, v.get());
    v.set(`set by ${label}`);
  }

  loop.callSoon(() => show("soon"));
  loop.callSoon(() => show("soon in given"), { context: given });
  loop.callLater(10, () => show("later"));
  loop.callAt(loop.time() + 5, () => show("at in given"), { context: given });
  const fut = loop.createFuture<string>();
  fut.addDoneCallback((f) => show(`done ${f.result()}`));
  fut.addDoneCallback((f) => show(`done in given ${f.result()}`), { context: given });
  v.set("main-2");
  loop.callLater(20, () => fut.setResult("x"));
  yield* sleep(30);
  print(now(), "main", v.get(), "given", given.get(v));
}
