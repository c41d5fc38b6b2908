// The first child failure cancels the other children and interrupts the block where it waits;
// leaving the block waits for every child, then raises an ExceptionGroup with the failure.
import {
  CancelledError,
  currentTask,
  ExceptionGroup,
  sleep,
  type TaskLike,
  taskGroup,
} from "corio";
import { ename, now, print, ValueError } from "../../harness/trace.js";

function* child(name: string, delay: number, fail = false) {
  try {
    yield* sleep(delay);
    if (fail) {
      print(now(), name, "fails");
      throw new ValueError(name);
    }
    print(now(), name, "finished");
    return name;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), name, "cancelled; cleaning up");
    yield* sleep(50);
    print(now(), name, "cleanup done");
    throw e;
  }
}

export default function* main() {
  let fast!: TaskLike<string>;
  let slow!: TaskLike<string>;
  try {
    yield* taskGroup(function* (tg) {
      fast = tg.createTask(child("fast", 50));
      tg.createTask(child("failing", 100, true));
      slow = tg.createTask(child("slow", 1000));
      print(now(), "block waits");
      yield* sleep(10_000);
      print("block not resumed");
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    const [eg, rest] = e.split(ValueError);
    if (rest !== null) throw rest;
    print(
      now(),
      "caught",
      ename(eg),
      eg!.errors.map(ename),
      eg!.errors.map((x) => (x as Error).message),
    );
  }
  print("fast result", fast.result(), "slow cancelled", slow.cancelled());
  print("cancelling", currentTask()!.cancelling());
}
