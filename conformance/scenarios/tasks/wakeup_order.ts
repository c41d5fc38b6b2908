// Several tasks awaiting one future wake in the order they started waiting.
import { createTask, type Future, getRunningLoop, sleep } from "corio";
import { print } from "../../harness/trace.js";

function* waiter(name: string, fut: Future<number>) {
  const value = yield* fut;
  print(name, "woke with", value);
}

export default function* main() {
  const fut = getRunningLoop().createFuture<number>() as Future<number>;
  const tasks = ["c", "a", "b"].map((n) => createTask(waiter(n, fut)));
  yield* sleep(0);
  const late = createTask(waiter("late", fut));
  yield* sleep(0);
  fut.setResult(7);
  for (const t of [...tasks, late]) yield* t;
  print("all woke");
}
