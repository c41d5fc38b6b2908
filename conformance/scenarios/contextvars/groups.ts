// gather's and TaskGroup's children are tasks, so each runs in its own copy of the context current
// when it was created: a value set between two createTask calls reaches only the second child.
import { ContextVar, gather, sleep, taskGroup } from "corio";
import { now, print } from "../../harness/trace.js";

const v = new ContextVar<string>("v", { default: "-" });

function* child(name: string, delay: number) {
  print(now(), name, "starts in", v.get());
  v.set(name);
  yield* sleep(delay);
  print(now(), name, "ends in", v.get());
  return `${name}:${v.get()}`;
}

export default function* main() {
  v.set("parent");
  yield* taskGroup(function* (tg) {
    tg.createTask(child("a", 20));
    v.set("parent-2");
    tg.createTask(child("b", 10));
  });
  print(now(), "after group", v.get());
  const results = yield* gather(child("x", 10), child("y", 5));
  print(now(), "gather", results, v.get());
}
