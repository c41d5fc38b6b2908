// A request id carried through tasks: each task runs in a copy of its creator's context, so it
// sees its own value across waits, a child inherits the value current at its creation, and what
// the child sets never reaches its parent.
import { ContextVar, copyContext, createTask, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

const requestId = new ContextVar<string>("request_id", { default: "-" });

function* child(tag: string) {
  print(now(), tag, "child sees", requestId.get());
  requestId.set(`${requestId.get()}/child`);
  yield* sleep(5);
  print(now(), tag, "child ends with", requestId.get());
}

function* handle(rid: string, delay: number) {
  requestId.set(rid);
  yield* sleep(delay);
  const c = createTask(child(rid));
  requestId.set(`${rid}!`);
  yield* c;
  print(now(), rid, "ends with", requestId.get());
}

export default function* main() {
  const a = createTask(handle("r1", 10));
  const b = createTask(handle("r2", 10));
  print("main before", requestId.get());
  yield* a;
  yield* b;
  print("main after", requestId.get());
  const ctx = copyContext();
  requestId.set("main");
  const t = createTask(child("shared"), { context: ctx });
  yield* t;
  print("ctx now", ctx.get(requestId), "main", requestId.get());
}
