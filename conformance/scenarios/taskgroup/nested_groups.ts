// Nested task groups: a failure in the inner group cancels its siblings, the inner group's
// ExceptionGroup fails the outer block, the outer group cancels its own children, and the
// outer ExceptionGroup holds the inner one, nested.
import { CancelledError, ExceptionGroup, sleep, taskGroup } from "corio";
import { ename, now, print, ValueError } from "../../harness/trace.js";

function* child(name: string, delay: number, fail = false) {
  try {
    yield* sleep(delay);
  } catch (e) {
    if (e instanceof CancelledError) print(now(), name, "cancelled");
    throw e;
  }
  if (fail) throw new ValueError(name);
  print(now(), name, "done");
}

type Shape = (string | Shape)[];
function shape(eg: ExceptionGroup<unknown>): Shape {
  return eg.errors.map((e) =>
    e instanceof ExceptionGroup ? shape(e) : `${ename(e)}(${(e as Error).message})`,
  );
}

export default function* main() {
  try {
    yield* taskGroup(function* (outer) {
      outer.createTask(child("outer-child", 1000));
      yield* taskGroup(function* (inner) {
        inner.createTask(child("inner-ok", 50));
        inner.createTask(child("inner-fail", 100, true));
        inner.createTask(child("inner-slow", 1000));
      });
      print("not reached");
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(now(), "outer caught", shape(e));
    const [match, rest] = e.split(ValueError);
    print("split(ValueError):", shape(match!), rest);
  }
}
