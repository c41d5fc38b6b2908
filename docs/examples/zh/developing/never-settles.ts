// 等一个永远不会落定的 promise：事件循环无事可做，
// 也再没有什么能唤醒这个任务。
import { fromPromise } from "corio";

export function* main() {
  console.log("main: waiting for a reply");
  // 一个永远等不来的回复：这个 promise 的 resolve 已经丢了。
  yield* fromPromise(new Promise<string>(() => {}));
  console.log("main: never printed");
}
