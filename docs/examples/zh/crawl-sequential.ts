import { sleep } from "corio";

// 假装下载一个网页：url_N 需要 N 秒。
function* crawlPage(url: string) {
  console.log(`crawling ${url}`);
  const seconds = Number(url.split("_").at(-1));
  yield* sleep(seconds * 1000);
  console.log(`OK ${url}`);
}

export function* main() {
  const urls = ["url_1", "url_2", "url_3", "url_4"];
  for (const url of urls) {
    // 等这个网页下载完，下一个才开始。
    yield* crawlPage(url);
  }
}
