import { CancelledError, DeadlockError, getRunningLoop, RuntimeError } from "@corio/interfaces";
import type { EventLoop } from "@corio/loop";
import { describe, expect, it, vi } from "vitest";
// @corio/testkit depends on @corio/task, so these tests take the helper from its source.
import { expectRaises } from "../../testkit/src/throws.js";
import { createTask, fromPromise, run, sleep } from "../src/index.js";
import { runVirtual } from "../src/testing.js";

function* nap<T = undefined>(ms: number, value?: T) {
  return yield* sleep(ms, value as T);
}

describe("run", () => {
  it("returns the main coroutine's result, taking a generator object or function", async () => {
    await expect(
      run(
        (function* () {
          return 1;
        })(),
      ),
    ).resolves.toBe(1);
    await expect(
      run(function* () {
        return 2;
      }),
    ).resolves.toBe(2);
  });

  it("rejects with the main coroutine's error", async () => {
    await expect(
      run(function* () {
        yield* sleep(1);
        throw new RangeError("main failed");
      }),
    ).rejects.toThrow(RangeError);
  });

  it("cancels every task still alive and runs their finally blocks, then closes the loop", async () => {
    const log: string[] = [];
    let loop: EventLoop | undefined;
    await runVirtual(function* () {
      loop = getRunningLoop() as EventLoop;
      createTask(
        (function* () {
          try {
            yield* sleep(60_000);
          } finally {
            log.push(`background finally at ${getRunningLoop().time()}`);
          }
        })(),
      );
      yield* sleep(10);
      log.push("main done");
    });
    expect(log).toEqual(["main done", "background finally at 10"]);
    expect(loop!.isClosed()).toBe(true);
    expect(loop!.statistics()).toMatchObject({ timers: 0, tasks: 0, hostTimerArmed: false });
  });

  it("throws a clear RuntimeError when called inside a running loop", async () => {
    let error: unknown;
    await run(function* () {
      try {
        run(function* () {});
      } catch (e) {
        error = e;
      }
    });
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toMatch(/cannot be called from a running event loop/);
    expect((error as Error).message).toMatch(/createTask/);
  });

  it("rejects what is not a coroutine", () => {
    expect(() => run(42 as never)).toThrow(TypeError);
    expect(() => run((() => 1) as never)).toThrow(/generator/);
  });

  it("rejects with DeadlockError listing every task and what it waits on", async () => {
    const error = await runVirtual(function* () {
      const loop = getRunningLoop();
      const never = loop.createFuture<void>("a future nobody sets");
      createTask(
        (function* () {
          yield* never;
        })(),
        { name: "stuck-child" },
      );
      yield* never;
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlockError);
    const message = (error as Error).message;
    expect(message).toMatch(/2 pending tasks/);
    expect(message).toMatch(/Task-1: waiting on a future nobody sets/);
    expect(message).toMatch(/ {4}- stuck-child: waiting on a future nobody sets/);
  });

  it("records where tasks were created in debug mode", async () => {
    const error = await run(
      function* () {
        yield* getRunningLoop().createFuture<void>("forever");
      },
      { clock: "virtual", debug: true },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/created at/);
  });

  it("reports unhandled task errors at shutdown through the exception handler", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    await runVirtual(function* () {
      createTask(
        (function* () {
          yield* sleep(1);
          throw new Error("nobody looked");
        })(),
      );
      yield* sleep(5);
    });
    expect(spy).toHaveBeenCalled();
    expect(String(spy.mock.calls[0]?.[0])).toMatch(/Task exception was never retrieved/);
    spy.mockRestore();
  });

  it("runs at a scaled real clock: a 1 s sleep in 10 ms of wall time", async () => {
    const started = performance.now();
    const t = await run(
      function* () {
        yield* sleep(1000);
        return getRunningLoop().time();
      },
      { timeScale: 100 },
    );
    expect(t).toBeGreaterThanOrEqual(1000);
    // Far less than the second an unscaled clock would take, with room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(900);
  });

  it("lets plain async code await a task", async () => {
    let task: PromiseLike<string> | undefined;
    const main = runVirtual(function* () {
      const t = createTask(nap(100, "slept"));
      task = t;
      return yield* t;
    });
    // run() starts the main coroutine synchronously, so the task exists already.
    const viaAwait = (async () => `awaited ${await task!}`)();
    await expect(main).resolves.toBe("slept");
    await expect(viaAwait).resolves.toBe("awaited slept");
  });
});

describe("fromPromise", () => {
  it("waits for a promise and returns its value or throws its error", () =>
    runVirtual(function* () {
      expect(yield* fromPromise(Promise.resolve(3))).toBe(3);
      expect(yield* fromPromise(async () => "fn")).toBe("fn");
      const error = yield* expectRaises(fromPromise(Promise.reject(new Error("rejected"))), Error);
      expect(error.message).toBe("rejected");
      expect(() => fromPromise(5 as never).next()).toThrow(TypeError);
    }));

  it("keeps the virtual clock from jumping while the promise is pending", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const loop = getRunningLoop();
      createTask(
        (function* () {
          yield* sleep(10_000);
          log.push(`timer task at ${loop.time()}`);
        })(),
      );
      yield* fromPromise(new Promise((r) => setTimeout(r, 2)));
      log.push(`promise settled at ${loop.time()}`);
      yield* sleep(20_000);
      expect(log).toEqual(["promise settled at 0", "timer task at 10000"]);
    }));

  it("aborts the signal it passed when the wait is cancelled", () =>
    runVirtual(function* () {
      let seen: AbortSignal | undefined;
      const t = createTask(
        fromPromise(
          (signal: AbortSignal) =>
            new Promise<never>((_resolve, reject) => {
              seen = signal;
              signal.addEventListener("abort", () => reject(signal.reason));
            }),
        ),
      );
      yield* sleep(0);
      expect(seen?.aborted).toBe(false);
      t.cancel();
      yield* expectRaises(t, CancelledError);
      expect(seen?.aborted).toBe(true);
      expect(getRunningLoop().trackExternal).toBeTypeOf("function");
    }));
});
