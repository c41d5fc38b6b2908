// The README's examples, run as written (console.log replaced by a log).
import { createTask, run, sleep } from "@corio/task";
import { describe, expect, it } from "vitest";
import { consume, Queue } from "../src/index.js";

describe("README examples", () => {
  it("producers and consumers: three workers crawl 20 urls, join returns when all are done", async () => {
    const log: string[] = [];
    await run(
      function* () {
        const queue = new Queue<string>(8);

        function* worker(name: string) {
          for (;;) {
            const url = yield* queue.get();
            try {
              yield* sleep(100);
              log.push(`${name} crawled ${url}`);
            } finally {
              queue.taskDone();
            }
          }
        }

        const workers = ["w1", "w2", "w3"].map((name) => createTask(worker(name)));
        for (let i = 0; i < 20; i++) yield* queue.put(`url_${i}`);
        yield* queue.join();
        log.push("joined");
        for (const w of workers) w.cancel();
      },
      { clock: "virtual" },
    );
    expect(log).toHaveLength(21);
    expect(log.slice(0, 3)).toEqual(["w1 crawled url_0", "w2 crawled url_1", "w3 crawled url_2"]);
    expect(log.at(-1)).toBe("joined");
  });

  it("consume: workers finish what is queued after shutdown, then return their counts", async () => {
    const urls = Array.from({ length: 10 }, (_, i) => `url_${i}`);
    const counts: number[] = [];
    await run(
      function* () {
        const queue = new Queue<string>(8);
        const workers = [1, 2, 3].map(() =>
          createTask(
            consume(queue, function* (_url: string) {
              yield* sleep(100);
            }),
          ),
        );
        for (const url of urls) yield* queue.put(url);
        queue.shutdown();
        for (const w of workers) counts.push(yield* w);
      },
      { clock: "virtual" },
    );
    expect(counts).toEqual([4, 3, 3]);
  });
});
