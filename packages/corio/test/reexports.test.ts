import * as cancel from "@corio/cancel";
import * as gather from "@corio/gather";
import * as interfaces from "@corio/interfaces";
import * as loop from "@corio/loop";
import * as queue from "@corio/queue";
import * as sync from "@corio/sync";
import * as task from "@corio/task";
import { describe, expect, it } from "vitest";
import * as corio from "../src/index.js";

const packages = { interfaces, loop, task, gather, cancel, queue, sync };

describe("corio re-exports every public package", () => {
  for (const [name, mod] of Object.entries(packages)) {
    it(`@corio/${name}: every runtime export, with the same identity`, () => {
      const missing = Object.keys(mod).filter(
        (key) => (corio as Record<string, unknown>)[key] !== (mod as Record<string, unknown>)[key],
      );
      expect(missing).toEqual([]);
    });
  }

  it("exports nothing that no package defines", () => {
    const defined = new Set(Object.values(packages).flatMap((m) => Object.keys(m)));
    expect(Object.keys(corio).filter((k) => !defined.has(k))).toEqual([]);
  });

  it("runs the README's producer/consumer example", async () => {
    const done: string[] = [];
    await corio.run(
      function* () {
        const q = new corio.Queue<number>();
        const consumer = corio.createTask(
          (function* () {
            for (;;) {
              const job = yield* q.get();
              yield* corio.sleep(100);
              done.push(`done ${job} at ${corio.getRunningLoop().time()}`);
              q.taskDone();
            }
          })(),
        );
        for (let i = 0; i < 3; i++) yield* q.put(i);
        yield* q.join();
        consumer.cancel();
      },
      { clock: "virtual" },
    );
    expect(done).toEqual(["done 0 at 100", "done 1 at 200", "done 2 at 300"]);
  });
});
