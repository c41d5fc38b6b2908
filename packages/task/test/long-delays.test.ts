import { getRunningLoop } from "@corio/interfaces";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTask, fromPromise, run, sleep } from "../src/index.js";

const DAY = 24 * 60 * 60 * 1000;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("delays longer than a host timer can hold (real clock)", () => {
  for (const [label, ms] of [
    ["sleep(30 days)", 30 * DAY],
    ["sleep(Number.MAX_SAFE_INTEGER)", Number.MAX_SAFE_INTEGER],
  ] as const) {
    it(`${label} arms one clamped host timer: no overflow warning, no wake-ups`, async () => {
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.name);
      process.on("warning", onWarning);
      const armed: number[] = [];
      const realSetTimeout = globalThis.setTimeout;
      vi.spyOn(globalThis, "setTimeout").mockImplementation(((cb: () => void, d?: number) => {
        armed.push(d ?? 0);
        return realSetTimeout(cb, d);
      }) as typeof setTimeout);
      try {
        await run(function* () {
          const sleeper = createTask(
            (function* () {
              yield* sleep(ms);
            })(),
          );
          yield* sleep(0);
          armed.length = 0;
          // 20 ms of real time with only the long sleep pending.
          yield* fromPromise(new Promise((r) => realSetTimeout(r, 20)));
          expect(getRunningLoop().time()).toBeGreaterThan(15);
          sleeper.cancel();
        });
      } finally {
        process.off("warning", onWarning);
      }
      // One host timer for the long sleep, clamped to 2^31-1 ms; nothing fired early and re-armed.
      expect(armed.filter((d) => d > 1000)).toEqual([2_147_483_647]);
      expect(armed.filter((d) => d <= 1)).toEqual([]);
      expect(warnings).toEqual([]);
    });
  }
});
