// Seed tutorial: a callback attached with addDoneCallback runs once the task is done and reads
// its result.
import { createTask, gather, sleep, type Task } from "corio";
import { now, print } from "../../harness/trace.js";

function* crawlPage(url: string) {
  print(now(), "crawling", url);
  yield* sleep(Number(url.split("_").at(-1)) * 1000);
  return `OK ${url}`;
}

function callback(future: Task<string>) {
  print(now(), "Callback:", future.result());
}

export default function* main() {
  const tasks: Task<string>[] = [];
  for (const url of ["url_1", "url_2", "url_3", "url_4"]) {
    const task = createTask(crawlPage(url));
    task.addDoneCallback(callback);
    tasks.push(task);
  }
  yield* gather(...tasks);
  print(now(), "all crawled");
}
