// asCompleted yields results in completion order; an error is thrown by its own step; after
// the timeout the remaining steps throw TimeoutError without cancelling the awaitables.
import { asCompleted, createTask, sleep, TimeoutError } from "corio";
import { ename, now, print, ValueError } from "../../harness/trace.js";

function* job(name: string, delay: number, fail = false) {
  yield* sleep(delay);
  if (fail) throw new ValueError(name);
  return name;
}

export default function* main() {
  const aws = [job("c", 300), job("a", 100), job("boom", 200, true), job("b", 150)];
  for (const step of asCompleted(aws)) {
    try {
      const value = yield* step;
      print(now(), "next:", value);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(now(), "next raised", ename(e), e);
    }
  }

  const slow = createTask(job("slow", 1000));
  for (const step of asCompleted([job("quick", 100), slow], { timeout: 500 })) {
    try {
      const value = yield* step;
      print(now(), "next:", value);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print(now(), "next raised", ename(e));
    }
  }
  print("slow cancelled?", slow.cancelled());
  const last = yield* slow;
  print(now(), "slow finishes anyway:", last);
}
