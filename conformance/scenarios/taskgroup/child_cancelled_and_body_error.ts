// A child cancelled on its own is not a failure: the group carries on. A block that raises
// before awaiting cancels children that never started; the group's error holds only the block's.
import { ExceptionGroup, sleep, type TaskLike, taskGroup } from "corio";
import { ename, now, print, ValueError } from "../../harness/trace.js";

function* child(name: string, delay: number) {
  print(now(), name, "started");
  yield* sleep(delay);
  print(now(), name, "done");
  return name;
}

export default function* main() {
  let victim!: TaskLike<string>;
  let other!: TaskLike<string>;
  yield* taskGroup(function* (tg) {
    victim = tg.createTask(child("victim", 1000));
    other = tg.createTask(child("other", 200));
    yield* sleep(100);
    victim.cancel();
  });
  print(
    now(),
    "group ended normally; victim cancelled",
    victim.cancelled(),
    "other",
    other.result(),
  );

  let never!: TaskLike<string>;
  try {
    yield* taskGroup(function* (tg) {
      never = tg.createTask(child("never", 100));
      throw new ValueError("block failed at once");
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(now(), "group:", e.errors.map(ename), "child cancelled", never.cancelled());
  }
}
