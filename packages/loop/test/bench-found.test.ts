// Found while writing the benchmarks: `yield* task` must be typed as the task's result. This file is
// also a type test: `pnpm typecheck` fails if `yield*` of a future reads as `unknown` again.
import { describe, expect, it } from "vitest";
import { EventLoop, type Future } from "../src/index.js";

describe("yield* of a future is typed with its result", () => {
  it("gives the result's type, so arithmetic on it type-checks", () => {
    const loop = new EventLoop({ clock: "manual" });
    const fut: Future<number> = loop.createFuture<number>();
    fut.setResult(20);
    function* twice(): Generator<unknown, number, unknown> {
      const value: number = yield* fut;
      return value * 2;
    }
    const gen = twice();
    expect(gen.next()).toEqual({ value: 40, done: true });
    loop.close();
  });
});

describe("the timer heap (deadlines kept in a parallel array)", () => {
  it("fires 5000 timers with many equal deadlines and cancellations in (deadline, scheduling) order", () => {
    const loop = new EventLoop({ clock: "manual" });
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const fired: number[] = [];
    const expected: { when: number; i: number }[] = [];
    for (let i = 0; i < 5000; i++) {
      // Whole and fractional deadlines, so ties are common and must break by scheduling order.
      const delay = random() < 0.5 ? Math.floor(random() * 50) : random() * 50;
      const handle = loop.callLater(delay, () => fired.push(i));
      if (i % 3 === 0) handle.cancel();
      else expected.push({ when: delay, i });
      if (i === 2500) loop.advance(10); // fire some while the heap is full, then keep pushing
    }
    loop.advance(100);
    const early = expected.filter((e) => e.i <= 2500 && e.when <= 10);
    const rest = expected.filter((e) => !(e.i <= 2500 && e.when <= 10));
    const byDeadline = (a: { when: number; i: number }, b: { when: number; i: number }) =>
      a.when - b.when || a.i - b.i;
    // Timers made after the first advance(10) count their delay from t=10.
    const restWhen = rest.map((e) => ({ when: e.i > 2500 ? e.when + 10 : e.when, i: e.i }));
    expect(fired).toEqual([
      ...early.sort(byDeadline).map((e) => e.i),
      ...restWhen.sort(byDeadline).map((e) => e.i),
    ]);
    loop.close();
  });
});
