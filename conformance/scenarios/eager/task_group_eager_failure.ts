// Task groups with the eager factory: a child that fails during its eager step aborts the group at
// once, so the next createTask in the block already throws RuntimeError (asyncio 3.12+).
import {
  CancelledError,
  ExceptionGroup,
  eagerTaskFactory,
  getRunningLoop,
  sleep,
  TaskGroup,
} from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* failNow(): Generator<never, void> {
  print("fail_now runs");
  throw new TypeError("at once");
}

function* sleeper(name: string) {
  try {
    print(name, "sleeps");
    yield* sleep(1000);
    print(name, "woke");
  } catch (e) {
    if (e instanceof CancelledError) print(now(), name, "cancelled");
    throw e;
  }
}

function* quick() {
  print("quick runs");
  return 1;
}

export default function* main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  try {
    yield* new TaskGroup().run(function* (tg) {
      tg.createTask(sleeper("a"));
      const q = tg.createTask(quick());
      print("quick done", q.done());
      tg.createTask(failNow());
      print("after fail_now created");
      tg.createTask(sleeper("b"));
      print("after b created");
      yield* sleep(0);
      print("main after sleep(0)");
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    const [typeErrors, rest] = e.split(TypeError);
    if (typeErrors !== null) print(now(), "group failed", typeErrors.errors.map(ename));
    if (rest !== null) throw rest;
  }
}
