// Seed tutorial: awaiting each crawl in turn takes 1 + 2 + 3 + 4 = 10 s.
import { sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* crawlPage(url: string) {
  print(now(), "crawling", url);
  yield* sleep(Number(url.split("_").at(-1)) * 1000);
  print(now(), "OK", url);
}

export default function* main() {
  for (const url of ["url_1", "url_2", "url_3", "url_4"]) yield* crawlPage(url);
  print(now(), "done");
}
