// Runner: two runs on one loop; a task started in the first run goes on during the second;
// close() cancels what is left; run() after close() throws RuntimeError.
import { CancelledError, createTask, Runner, RuntimeError, sleep, type Task } from "corio";
import { print } from "../../harness/trace.js";

const background: Task<unknown>[] = [];

function* tick(name: string, n: number) {
  try {
    for (let i = 0; i < n; i++) {
      print(name, i);
      yield* sleep(0);
    }
    return name;
  } catch (e) {
    if (e instanceof CancelledError) print(name, "cancelled");
    throw e;
  }
}

function* first() {
  background.push(createTask(tick("bg", 10)));
  return yield* tick("first", 2);
}

export default async function scenario() {
  const runner = new Runner();
  print("run 1 returned", await runner.run(first()));
  print("run 2 returned", await runner.run(tick("second", 2)));
  await runner.close();
  print("bg cancelled", background[0]!.cancelled());
  await runner.close();
  try {
    await runner.run(tick("third", 1));
  } catch (e) {
    if (e instanceof RuntimeError) print("run after close: RuntimeError");
  }
}
