import { CancelledError, ExceptionGroup, getRunningLoop, sleep, taskGroup } from "corio";

function* fetchPart(name: string, ms: number, fails = false) {
  const loop = getRunningLoop();
  try {
    yield* sleep(ms);
    if (fails) throw new Error(`${name} failed`);
    console.log(`${loop.time()} ms: ${name} done`);
    return name;
  } catch (error) {
    if (error instanceof CancelledError) console.log(`${loop.time()} ms: ${name} cancelled`);
    throw error;
  }
}

export function* main() {
  const loop = getRunningLoop();

  // 每个子任务都成功：全部完成时，这个块才结束。
  const page = yield* taskGroup(function* (tg) {
    const header = tg.createTask(fetchPart("header", 300), { name: "header" });
    const body = tg.createTask(fetchPart("body", 500), { name: "body" });
    return `${yield* header} + ${yield* body}`;
  });
  console.log(`${loop.time()} ms: page = ${page}`);

  // 有一个子任务失败：其他的都被取消，任务组报告所有失败。
  try {
    yield* taskGroup(function* (tg) {
      tg.createTask(fetchPart("ads", 200, true), { name: "ads" });
      const comments = tg.createTask(fetchPart("comments", 1000), { name: "comments" });
      yield* comments; // 块本身也在等待，并且就在这里被打断
    });
  } catch (error) {
    if (error instanceof ExceptionGroup) {
      const messages = error.errors.map((e) => (e as Error).message);
      console.log(`${loop.time()} ms: the group failed: ${messages.join(", ")}`);
    }
  }
}
