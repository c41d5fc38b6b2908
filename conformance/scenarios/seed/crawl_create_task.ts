// Seed tutorial: one task per crawl, awaited in turn: they overlap and take 4 s.
import { createTask, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* crawlPage(url: string) {
  print(now(), "crawling", url);
  yield* sleep(Number(url.split("_").at(-1)) * 1000);
  print(now(), "OK", url);
}

export default function* main() {
  const tasks = ["url_1", "url_2", "url_3", "url_4"].map((url) => createTask(crawlPage(url)));
  for (const task of tasks) {
    yield* task;
    print(now(), "awaited", tasks.indexOf(task));
  }
  print(now(), "done");
}
