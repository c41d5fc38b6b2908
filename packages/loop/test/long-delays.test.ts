import { afterEach, describe, expect, it, vi } from "vitest";
import { EventLoop } from "../src/index.js";

// Hosts keep timer delays in 32 bits: Node warns (TimeoutOverflowWarning) and fires a longer
// timeout after 1 ms. A real-clock loop must arm a clamped host timer and re-arm it when it fires
// early, quietly and without spinning (issue 15, defect 6).
const MAX_HOST_DELAY = 2 ** 31 - 1;
const THIRTY_DAYS = 30 * 24 * 3600 * 1000;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("delays beyond 2^31-1 ms on the real clock", () => {
  it("arm one clamped host timer: no overflow warning, no re-arming every millisecond", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    const loop = new EventLoop();
    const fut = loop.createFuture<string>();
    const far = loop.callLater(THIRTY_DAYS, () => fut.setResult("too early"));
    const release = loop.trackExternal("outside work");
    // 5 ms of real time: a loop that re-armed its host timer every millisecond would arm several.
    setTimeout(() => {
      fut.setResult("from outside");
      release();
    }, 5);
    const armed: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, "setTimeout").mockImplementation(((cb: () => void, ms?: number) => {
      armed.push(ms ?? 0);
      return realSetTimeout(cb, ms);
    }) as typeof setTimeout);
    await expect(loop.runUntilComplete(fut)).resolves.toBe("from outside");
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on a later tick
    process.off("warning", onWarning);
    expect(armed).toEqual([MAX_HOST_DELAY]);
    expect(warnings).toEqual([]);
    expect(far.when()).toBeGreaterThan(THIRTY_DAYS - 1000);
    loop.close();
  });
});
