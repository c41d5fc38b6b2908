import { sleep } from "corio";

// Pretend to download a page: url_N takes N seconds.
function* crawlPage(url: string) {
  console.log(`crawling ${url}`);
  const seconds = Number(url.split("_").at(-1));
  yield* sleep(seconds * 1000);
  console.log(`OK ${url}`);
}

export function* main() {
  const urls = ["url_1", "url_2", "url_3", "url_4"];
  for (const url of urls) {
    // Waits for this page to finish before the next one starts.
    yield* crawlPage(url);
  }
}
