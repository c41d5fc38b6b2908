import { CancelledError, createTask, getRunningLoop, shield, sleep, type Task } from "corio";

function* saveToDisk(doc: string) {
  const loop = getRunningLoop();
  console.log(`${loop.time()} ms: saving ${doc}...`);
  yield* sleep(2000);
  console.log(`${loop.time()} ms: ${doc} saved`);
}

function* respond(save: Task<void>) {
  const loop = getRunningLoop();
  try {
    yield* shield(save);
    console.log(`${loop.time()} ms: response sent`);
  } catch (error) {
    if (error instanceof CancelledError) {
      console.log(`${loop.time()} ms: response abandoned, the save carries on`);
    }
    throw error;
  }
}

export function* main() {
  const loop = getRunningLoop();
  const save = createTask(saveToDisk("report.pdf"), { name: "save" });
  const request = createTask(respond(save), { name: "request" });
  yield* sleep(500);
  console.log(`${loop.time()} ms: the client hangs up`);
  request.cancel();
  yield* save; // 保存没有被取消：等它完成
  console.log(`request cancelled: ${request.cancelled()}, save cancelled: ${save.cancelled()}`);
}
