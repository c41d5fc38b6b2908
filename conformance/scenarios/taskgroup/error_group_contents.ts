// Every failure ends up in the ExceptionGroup: children that fail in the same iteration, a child
// that fails while being cancelled, and the block's own error (it turns its cancellation into
// a TypeError; it comes last); split() sorts them by type.
import { CancelledError, ExceptionGroup, RuntimeError, sleep, taskGroup } from "corio";
import { ename, KeyError, now, print, ValueError } from "../../harness/trace.js";

function* failAt(delay: number, exc: Error): Generator<any, void, any> {
  yield* sleep(delay);
  throw exc;
}

function* failOnCancel() {
  try {
    yield* sleep(10_000);
  } catch (e) {
    if (e instanceof CancelledError) throw new KeyError("raised while cancelled");
    throw e;
  }
}

export default function* main() {
  try {
    yield* taskGroup(function* (tg) {
      tg.createTask(failAt(50, new ValueError("v1")));
      tg.createTask(failOnCancel());
      tg.createTask(failAt(50, new ValueError("v2")));
      try {
        yield* sleep(1000);
      } catch (e) {
        if (e instanceof CancelledError) throw new TypeError("from the block");
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(now(), "group of", e.errors.length, e.errors.map(ename));
    const [values, rest] = e.split(ValueError);
    print(
      "values",
      values!.errors.map((x) => x.message),
    );
    print("rest", rest!.errors.map(ename));
    const keys = e.match(KeyError);
    print("subgroup(KeyError)", keys!.errors.map(ename));
    print("subgroup(RuntimeError) is None:", e.match(RuntimeError) === null);
  }
}
