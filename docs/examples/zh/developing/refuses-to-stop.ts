// 一个把取消接住、照样往下跑的任务：main 返回时，run() 会取消
// 剩下的每个任务，并等它们一一停下。
import { CancelledError, createTask, sleep } from "corio";

function* stubborn() {
  for (;;) {
    try {
      yield* sleep(1000);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("stubborn: cancelled, carrying on anyway");
    }
  }
}

export function* main() {
  createTask(stubborn());
  yield* sleep(10);
  console.log("main: done, run() now cancels what is left");
}
