import { getRunningLoop, RuntimeError } from "@corio/interfaces";
import { ContextVar, copyContext } from "@corio/loop";
import { describe, expect, it } from "vitest";
import { createTask, eagerTaskFactory, Runner, sleep, type Task } from "../src/index.js";

describe("Runner", () => {
  it("runs several coroutines on one loop; tasks left by one run go on in the next", async () => {
    const log: string[] = [];
    const runner = new Runner({ clock: "virtual" });
    let bg: Task<void> | undefined;
    const first = await runner.run(function* () {
      bg = createTask(
        (function* () {
          try {
            for (;;) {
              yield* sleep(100);
              log.push(`tick ${getRunningLoop().time()}`);
            }
          } finally {
            log.push("bg finally");
          }
        })(),
        { name: "bg" },
      );
      yield* sleep(150);
      return "first";
    });
    log.push(`first -> ${first}`);
    const second = await runner.run(function* () {
      yield* sleep(100);
      return getRunningLoop().time();
    });
    log.push(`second -> ${second}`);
    const loop = runner.getLoop();
    expect(loop.isClosed()).toBe(false);
    await runner.close();
    expect(loop.isClosed()).toBe(true);
    expect(bg!.cancelled()).toBe(true);
    expect(log).toEqual(["tick 100", "first -> first", "tick 200", "second -> 250", "bg finally"]);
  });

  it("runs main in the context given (asyncio's run(coro, context=...)), and in a copy otherwise", async () => {
    const requestId = new ContextVar<string>("requestId", { default: "none" });
    const ctx = copyContext();
    ctx.run(() => requestId.set("r-7"));
    const runner = new Runner({ clock: "virtual" });
    const seen = await runner.run(
      function* () {
        yield* sleep(1);
        const before = requestId.get();
        requestId.set("changed by main");
        return before;
      },
      { context: ctx },
    );
    expect(seen).toBe("r-7");
    expect(ctx.get(requestId)).toBe("changed by main"); // the context itself, shared
    expect(
      await runner.run(function* () {
        return requestId.get();
      }),
    ).toBe("none");
    await runner.close();
  });

  it("makes its loop on first use, with the given options", async () => {
    const runner = new Runner({ clock: "virtual", debug: true, taskFactory: eagerTaskFactory });
    const loop = runner.getLoop();
    expect(runner.getLoop()).toBe(loop);
    expect(loop.getDebug()).toBe(true);
    expect(loop.getTaskFactory()).toBe(eagerTaskFactory);
    await runner.close();
  });

  it("rejects with the main coroutine's error and can run again after it", async () => {
    const runner = new Runner({ clock: "virtual" });
    await expect(
      runner.run(function* (): Generator<never, void> {
        throw new RangeError("boom");
      }),
    ).rejects.toThrow(RangeError);
    await expect(
      runner.run(function* () {
        yield* sleep(1);
        return "ok";
      }),
    ).resolves.toBe("ok");
    await runner.close();
  });

  it("refuses run() and getLoop() after close(); close() again is a no-op", async () => {
    const runner = new Runner({ clock: "virtual" });
    await runner.run(function* () {});
    await runner.close();
    await runner.close();
    expect(() => runner.run(function* () {})).toThrow(RuntimeError);
    expect(() => runner.run(function* () {})).toThrow(/runner is closed/);
    expect(() => runner.getLoop()).toThrow(RuntimeError);
  });

  it("can still run after close() when it never made a loop (as asyncio)", async () => {
    const runner = new Runner({ clock: "virtual" });
    await runner.close();
    await expect(
      runner.run(function* () {
        return 3;
      }),
    ).resolves.toBe(3);
    await runner.close();
  });

  it("refuses a second run() while one is pending, and run() from inside a running loop", async () => {
    const runner = new Runner({ clock: "virtual" });
    const inner = new Runner({ clock: "virtual" });
    const pending = runner.run(function* () {
      expect(() => inner.run(function* () {})).toThrow(
        /cannot be called from a running event loop/,
      );
      yield* sleep(10);
    });
    expect(() => runner.run(function* () {})).toThrow(/has not finished yet/);
    await expect(runner.close()).rejects.toThrow(RuntimeError);
    await pending;
    await runner.close();
    await inner.close();
  });

  it("checks its arguments", () => {
    expect(() => new Runner(5 as never)).toThrow(TypeError);
    const runner = new Runner({ clock: "virtual" });
    expect(() => runner.run(42 as never)).toThrow(/Runner\.run\(main\): main must be/);
    expect(() => new Runner({ taskFactory: "x" as never }).getLoop()).toThrow(
      /options\.taskFactory must be a function/,
    );
  });
});
