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
