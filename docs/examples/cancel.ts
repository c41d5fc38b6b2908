import { CancelledError, createTask, sleep } from "corio";

function* download(name: string) {
  console.log(`${name}: started`);
  try {
    yield* sleep(10_000);
    console.log(`${name}: finished`);
  } catch (error) {
    if (error instanceof CancelledError) console.log(`${name}: cancelled, cleaning up`);
    throw error; // let the cancellation finish the task
  }
}

export function* main() {
  const task = createTask(download("big-file"), { name: "download" });
  yield* sleep(3000);
  console.log("main: 3 s is long enough, cancelling");
  task.cancel();
  try {
    yield* task;
  } catch (error) {
    if (error instanceof CancelledError)
      console.log(`main: task.cancelled() = ${task.cancelled()}`);
  }
}
