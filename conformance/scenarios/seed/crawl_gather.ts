// Seed tutorial: gather over one task per crawl: 4 s, results in argument order.
import { createTask, gather, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* crawlPage(url: string) {
  print(now(), "crawling", url);
  yield* sleep(Number(url.split("_").at(-1)) * 1000);
  print(now(), "OK", url);
  return url.toUpperCase();
}

export default function* main() {
  const tasks = ["url_3", "url_1", "url_4", "url_2"].map((url) => createTask(crawlPage(url)));
  const results = yield* gather(...tasks);
  print(now(), "gathered", results);
}
