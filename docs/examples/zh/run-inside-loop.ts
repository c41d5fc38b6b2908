import { RuntimeError, run, sleep } from "corio";

function* work() {
  yield* sleep(1000);
  return "work done";
}

export function* main() {
  // main 已经运行在一个事件循环上，就像 notebook 的单元格，
  // 内核里早已有一个循环。
  try {
    run(work);
  } catch (error) {
    if (error instanceof RuntimeError) console.log(`RuntimeError: ${error.message}`);
  }
  // 在协程内部，应该直接等待另一个协程。
  const result = yield* work();
  console.log(result);
}
