import { createTask, sleep } from "corio";

// 假装下载一个网页：url_N 需要 N 秒。
function* crawlPage(url: string) {
  console.log(`crawling ${url}`);
  const seconds = Number(url.split("_").at(-1));
  yield* sleep(seconds * 1000);
  console.log(`OK ${url}`);
}

export function* main() {
  const urls = ["url_1", "url_2", "url_3", "url_4"];
  // 每个网页都变成一个任务：四个都排好队之后，才有任务开始运行。
  const tasks = urls.map((url) => createTask(crawlPage(url), { name: url }));
  for (const task of tasks) {
    yield* task;
  }
}
