import { getRunningLoop } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { createTask, run, sleep } from "../src/index.js";

function* crawlPage(log: string[], url: string) {
  log.push(`crawling ${url}`);
  yield* sleep(Number(url.split("_").at(-1)) * 1000);
  log.push(`OK ${url}`);
}

const urls = ["url_1", "url_2", "url_3", "url_4"];

describe("the seed tutorial's first examples", () => {
  it("yield* one after another takes 10 s of virtual time", async () => {
    const log: string[] = [];
    const elapsed = await run(
      function* () {
        for (const url of urls) yield* crawlPage(log, url);
        return getRunningLoop().time();
      },
      { clock: "virtual" },
    );
    expect(elapsed).toBe(10_000);
    expect(log).toEqual([
      "crawling url_1",
      "OK url_1",
      "crawling url_2",
      "OK url_2",
      "crawling url_3",
      "OK url_3",
      "crawling url_4",
      "OK url_4",
    ]);
  });

  it("createTask runs them together: 4 s of virtual time", async () => {
    const log: string[] = [];
    const elapsed = await run(
      function* () {
        const tasks = urls.map((u) => createTask(crawlPage(log, u)));
        for (const t of tasks) yield* t;
        return getRunningLoop().time();
      },
      { clock: "virtual" },
    );
    expect(elapsed).toBe(4000);
    expect(log).toEqual([
      "crawling url_1",
      "crawling url_2",
      "crawling url_3",
      "crawling url_4",
      "OK url_1",
      "OK url_2",
      "OK url_3",
      "OK url_4",
    ]);
  });

  it("the twelve numbered steps happen in the tutorial's order", async () => {
    const log: string[] = [];
    function* work1() {
      log.push("work_1 start");
      yield* sleep(1000);
      log.push("work_1 end");
    }
    function* work2() {
      log.push("work_2 start");
      yield* sleep(2000);
      log.push("work_2 end");
    }
    await run(
      function* () {
        const t1 = createTask(work1());
        const t2 = createTask(work2());
        log.push("before await");
        yield* t1;
        log.push("awaited work_1");
        yield* t2;
        log.push("awaited work_2");
      },
      { clock: "virtual" },
    );
    expect(log).toEqual([
      "before await",
      "work_1 start",
      "work_2 start",
      "work_1 end",
      "awaited work_1",
      "work_2 end",
      "awaited work_2",
    ]);
  });
});
