import { createTask, gather, sleep } from "corio";

// 假装下载一个网页：url_N 需要 N 秒。
function* crawlPage(url: string) {
  console.log(`crawling ${url}`);
  const seconds = Number(url.split("_").at(-1));
  yield* sleep(seconds * 1000);
  console.log(`OK ${url}`);
}

export function* main() {
  const urls = ["url_1", "url_2", "url_3", "url_4"];
  const tasks = urls.map((url) => createTask(crawlPage(url), { name: url }));
  // 一次等待全部：最慢的那个完成时就全部完成了。
  yield* gather(...tasks);
}
