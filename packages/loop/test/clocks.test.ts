import type { Clock } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { EventLoop, ManualClock, RealClock, VirtualClock } from "../src/index.js";

/**
 * A test clock in the manner of trio's MockClock: loop time runs at `rate` times real time (0:
 * frozen), and once the loop has been idle for `autojumpThreshold` real ms it jumps to the next
 * timer (Infinity: never).
 */
class RateClock implements Clock {
  private base = 0;
  private since = performance.now();
  constructor(
    private readonly rate: number,
    private readonly autojumpThreshold = Number.POSITIVE_INFINITY,
  ) {}
  now(): number {
    return this.base + (performance.now() - this.since) * this.rate;
  }
  deadlineToSleepTime(deadline: number): number {
    const gap = deadline - this.now();
    if (gap <= 0) return 0;
    return this.rate > 0 ? gap / this.rate : Number.POSITIVE_INFINITY;
  }
  autojumpDelay(): number {
    return this.autojumpThreshold;
  }
  jumpTo(time: number): void {
    if (time > this.now()) {
      this.base = time;
      this.since = performance.now();
    }
  }
}

describe("clock objects", () => {
  it("the clock option's names make the built-in clocks, and loop.clock() names them", () => {
    const loops = [
      new EventLoop(),
      new EventLoop({ clock: "virtual" }),
      new EventLoop({ clock: "manual" }),
    ];
    expect(loops.map((l) => l.clock())).toEqual(["real", "virtual", "manual"]);
    expect(loops[0]!.getClock()).toBeInstanceOf(RealClock);
    expect(loops[1]!.getClock()).toBeInstanceOf(VirtualClock);
    expect(loops[2]!.getClock()).toBeInstanceOf(ManualClock);
    for (const l of loops) l.close();
  });

  it("a built-in clock passed as an object behaves as its name does", () => {
    const loop = new EventLoop({ clock: new ManualClock() });
    const log: string[] = [];
    loop.callLater(10, () => log.push(`t=${loop.time()}`));
    loop.advance(10);
    expect(log).toEqual(["t=10"]);
    expect(loop.clock()).toBe("manual");
    loop.close();
  });

  it("a frozen clock of your own that autojumps after 5 ms idle runs timers at their exact deadlines", async () => {
    const clock = new RateClock(0, 5);
    const loop = new EventLoop({ clock });
    expect(loop.clock()).toBe("custom");
    expect(loop.getClock()).toBe(clock);
    const log: string[] = [];
    const fut = loop.createFuture<void>();
    loop.callLater(60_000, () => log.push(`1 min at ${loop.time()}`));
    loop.callLater(3_600_000, () => {
      log.push(`1 h at ${loop.time()}`);
      fut.setResult();
    });
    const started = performance.now();
    await loop.runUntilComplete(fut);
    const wall = performance.now() - started;
    expect(log).toEqual(["1 min at 60000", "1 h at 3600000"]);
    expect(wall).toBeGreaterThanOrEqual(8); // two jumps, each after 5 ms of idleness
    expect(wall).toBeLessThan(1000);
    loop.close();
  });

  it("a clock of your own running at 100× real time reaches a 500 ms timer in about 5 ms", async () => {
    const loop = new EventLoop({ clock: new RateClock(100) });
    const fut = loop.createFuture<number>();
    loop.callLater(500, () => fut.setResult(loop.time()));
    const started = performance.now();
    const at = await loop.runUntilComplete(fut);
    expect(at).toBeGreaterThanOrEqual(500);
    expect(performance.now() - started).toBeLessThan(400);
    loop.close();
  });

  it("does not autojump while something outside the loop is pending", async () => {
    const loop = new EventLoop({ clock: new RateClock(0, 0) });
    const log: string[] = [];
    const fut = loop.createFuture<void>();
    loop.callLater(5000, () => {
      log.push(`timer at ${loop.time()}`);
      fut.setResult();
    });
    const release = loop.trackExternal("slow promise");
    setTimeout(() => {
      loop.callSoon(() => log.push(`outside work at ${loop.time()}`));
      release();
    }, 2);
    await loop.runUntilComplete(fut);
    expect(log).toEqual(["outside work at 0", "timer at 5000"]);
    loop.close();
  });

  it("advance() drives a clock of your own that has jumpTo", () => {
    const loop = new EventLoop({ clock: new RateClock(0) });
    const log: string[] = [];
    loop.callLater(30, () => log.push(`b at ${loop.time()}`));
    loop.callLater(10, () => log.push(`a at ${loop.time()}`));
    loop.advance(50);
    expect(log).toEqual(["a at 10", "b at 30"]);
    expect(loop.time()).toBe(50);
    loop.close();
  });

  it("runUntilComplete refuses a clock that never moves by itself", () => {
    const loop = new EventLoop({ clock: new RateClock(0) });
    expect(() => loop.runUntilComplete(loop.createFuture())).toThrow(/advance/);
    loop.close();
  });

  it("rejects clock objects that lack the contract, and timeScale with a clock object", () => {
    expect(() => new EventLoop({ clock: {} as never })).toThrow(/now\(\) and deadlineToSleepTime/);
    const noJump = { now: () => 0, deadlineToSleepTime: () => 0, autojumpDelay: () => 0 };
    expect(() => new EventLoop({ clock: noJump })).toThrow(/needs a jumpTo/);
    expect(() => new EventLoop({ clock: new RateClock(1), timeScale: 2 })).toThrow(TypeError);
    expect(() => new EventLoop({ clock: 42 as never })).toThrow(/got number 42/);
    expect(() => new RealClock(0)).toThrow(RangeError);
  });
});
