import { createTask, sleep } from "corio";

// Pretend to download a page: url_N takes N seconds.
function* crawlPage(url: string) {
  console.log(`crawling ${url}`);
  const seconds = Number(url.split("_").at(-1));
  yield* sleep(seconds * 1000);
  console.log(`OK ${url}`);
}

export function* main() {
  const urls = ["url_1", "url_2", "url_3", "url_4"];
  // Every page becomes a task: all four are scheduled before any of them runs.
  const tasks = urls.map((url) => createTask(crawlPage(url), { name: url }));
  for (const task of tasks) {
    yield* task;
  }
}
