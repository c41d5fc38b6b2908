import { ContextVar, createTask, getRunningLoop, sleep, taskGroup } from "corio";

// One variable for the whole program; each task sees the value of its own context.
const requestId = new ContextVar<string>("requestId", { default: "-" });

// Any code can log with the current request id, without it being passed down.
function log(message: string) {
  console.log(`${getRunningLoop().time()} ms [${requestId.get()}] ${message}`);
}

function* queryDatabase(table: string, ms: number) {
  yield* sleep(ms);
  log(`read ${table}`);
}

function* handleRequest(id: string, ms: number) {
  requestId.set(id); // in this task's context only
  log("start");
  // Child tasks start with a copy of this context, so they log the same id.
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
  log("both requests served"); // main never set the variable
}
