import { ContextVar, createTask, getRunningLoop, sleep, taskGroup } from "corio";

// 整个程序只需一个变量；每个任务看到的是自己上下文里的值。
const requestId = new ContextVar<string>("requestId", { default: "-" });

// 任何代码都能带着当前的请求 id 打日志，不必层层传参。
function log(message: string) {
  console.log(`${getRunningLoop().time()} ms [${requestId.get()}] ${message}`);
}

function* queryDatabase(table: string, ms: number) {
  yield* sleep(ms);
  log(`read ${table}`);
}

function* handleRequest(id: string, ms: number) {
  requestId.set(id); // 只改本任务的上下文
  log("start");
  // 子任务从这个上下文的副本开始，所以打出的 id 相同。
  yield* taskGroup(function* (tg) {
    tg.createTask(queryDatabase("users", ms));
    tg.createTask(queryDatabase("orders", ms * 2));
  });
  log("done");
}

export function* main() {
  const first = createTask(handleRequest("req-1", 100));
  const second = createTask(handleRequest("req-2", 150));
  yield* first;
  yield* second;
  log("both requests served"); // main 从没设置过这个变量
}
