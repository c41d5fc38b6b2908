// A TaskGroup inside a timeout: the deadline cancels the block and the children, and the scope
// raises TimeoutError (not an ExceptionGroup). createTask on a group that is shutting down
// raises RuntimeError; a child failing after the block ended still fails the group.
import {
  CancelledError,
  ExceptionGroup,
  RuntimeError,
  sleep,
  TimeoutError,
  taskGroup,
  timeout,
} from "corio";
import { ename, now, print, ValueError } from "../../harness/trace.js";

function* child(name: string, delay: number, fail = false) {
  try {
    yield* sleep(delay);
  } catch (e) {
    if (e instanceof CancelledError) print(now(), name, "cancelled");
    throw e;
  }
  if (fail) {
    print(now(), name, "fails");
    throw new ValueError(name);
  }
  print(now(), name, "done");
}

export default function* main() {
  try {
    yield* timeout(200, function* () {
      yield* taskGroup(function* (tg) {
        tg.createTask(child("slow", 1000));
        yield* sleep(1000);
      });
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "timeout around the group:", ename(e));
  }

  try {
    yield* taskGroup(function* (tg) {
      tg.createTask(child("late-failure", 100, true));
      print(now(), "block ends first");
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(now(), "group failed after its block:", e.errors.map(ename));
  }

  try {
    yield* taskGroup(function* (tg) {
      tg.createTask(child("boom", 100, true));
      try {
        yield* sleep(1000);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        try {
          tg.createTask(child("too late", 0));
        } catch (err) {
          if (!(err instanceof RuntimeError)) throw err;
          print(now(), "create_task while shutting down:", ename(err));
        }
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(now(), "group:", e.errors.map(ename));
  }
}
