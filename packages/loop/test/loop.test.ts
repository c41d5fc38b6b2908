import { getRunningLoopOrNull, RuntimeError } from "@corio/interfaces";
import { describe, expect, it, vi } from "vitest";
import { EventLoop } from "../src/index.js";

const manual = () => new EventLoop({ clock: "manual" });

describe("scheduling order", () => {
  it("runs callSoon callbacks FIFO, and what they schedule on the next iteration", () => {
    const loop = manual();
    const log: string[] = [];
    loop.callSoon(() => {
      log.push("a");
      loop.callSoon(() => log.push("c (scheduled by a)"));
    });
    loop.callSoon(() => log.push("b"));
    loop.advance(0);
    expect(log).toEqual(["a", "b", "c (scheduled by a)"]);
  });

  it("runs timers by deadline, and equal deadlines in scheduling order", () => {
    const loop = manual();
    const log: string[] = [];
    loop.callLater(20, () => log.push("20 first"));
    loop.callLater(10, () => log.push("10"));
    loop.callLater(20, () => log.push("20 second"));
    loop.callAt(20, () => log.push("20 third (callAt)"));
    loop.advance(100);
    expect(log).toEqual(["10", "20 first", "20 second", "20 third (callAt)"]);
  });

  it("treats a negative delay or a past deadline as 'as soon as possible', after ready callbacks", () => {
    // Both are due at once; among due timers the earlier deadline still goes first.
    const loop = manual();
    const log: string[] = [];
    loop.advance(50);
    loop.callSoon(() => log.push("soon"));
    loop.callLater(-5, () => log.push("negative delay"));
    loop.callAt(10, () => log.push("past deadline"));
    loop.advance(0);
    expect(log).toEqual(["soon", "past deadline", "negative delay"]);
    expect(loop.time()).toBe(50);
  });

  it("a timer that comes due joins the iteration after the callbacks already ready", () => {
    const loop = manual();
    const log: string[] = [];
    loop.callLater(0, () => log.push("timer"));
    loop.callSoon(() => log.push("soon 1"));
    loop.callSoon(() => {
      log.push("soon 2");
      loop.callSoon(() => log.push("soon 3"));
    });
    loop.advance(0);
    expect(log).toEqual(["soon 1", "soon 2", "timer", "soon 3"]);
  });

  it("reports the time of each timer as its deadline under a manual clock", () => {
    const loop = manual();
    const times: number[] = [];
    for (const d of [30, 10, 20]) loop.callLater(d, () => times.push(loop.time()));
    loop.advance(25);
    expect(times).toEqual([10, 20]);
    expect(loop.time()).toBe(25);
    loop.advance(5);
    expect(times).toEqual([10, 20, 30]);
  });
});

describe("handles", () => {
  it("a cancelled callback never runs", () => {
    const loop = manual();
    const log: string[] = [];
    const h = loop.callSoon(() => log.push("never"));
    const t = loop.callLater(5, () => log.push("never either"));
    loop.callSoon(() => log.push("runs"));
    h.cancel();
    t.cancel();
    expect(h.cancelled()).toBe(true);
    expect(t.when()).toBe(5);
    loop.advance(10);
    expect(log).toEqual(["runs"]);
  });

  it("cancelled timers leave the heap lazily, and a mostly-cancelled heap is rebuilt", () => {
    const loop = manual();
    const timers = Array.from({ length: 1000 }, (_, i) => loop.callLater(1000 + i, () => {}));
    for (const t of timers.slice(0, 900)) t.cancel();
    expect(loop.statistics()).toMatchObject({ timers: 100, cancelledTimers: 900 });
    loop.advance(0);
    expect(loop.statistics()).toMatchObject({ timers: 100, cancelledTimers: 0 });
  });
});

describe("bad input gets clear, typed errors", () => {
  it("rejects delays that are not finite numbers", () => {
    const loop = manual();
    expect(() => loop.callLater(Number.NaN, () => {})).toThrow(RangeError);
    expect(() => loop.callLater(Number.NaN, () => {})).toThrow(/delay must be a finite number/);
    expect(() => loop.callLater(Number.POSITIVE_INFINITY, () => {})).toThrow(RangeError);
    expect(() => loop.callLater("10" as never, () => {})).toThrow(TypeError);
    expect(() => loop.callAt(undefined as never, () => {})).toThrow(/when must be a number/);
  });

  it("rejects callbacks that are not functions", () => {
    const loop = manual();
    expect(() => loop.callSoon(42 as never)).toThrow(TypeError);
    expect(() => loop.callSoon(42 as never)).toThrow(/callback must be a function, got number 42/);
    expect(() => loop.callLater(1, null as never)).toThrow(/callback must be a function, got null/);
  });

  it("rejects an unknown clock and a bad time scale", () => {
    expect(() => new EventLoop({ clock: "fake" as never })).toThrow(TypeError);
    expect(() => new EventLoop({ timeScale: 0 })).toThrow(RangeError);
  });

  it("refuses to schedule on a closed loop", () => {
    const loop = manual();
    loop.close();
    expect(loop.isClosed()).toBe(true);
    expect(() => loop.callSoon(() => {})).toThrow(RuntimeError);
    expect(() => loop.callLater(1, () => {})).toThrow(/Event loop is closed/);
    expect(() => loop.createTask((function* () {})())).toThrow(/closed/);
  });

  it("createTask without a task factory says where tasks come from", () => {
    const loop = manual();
    expect(() => loop.createTask((function* () {})())).toThrow(/no task factory/);
  });
});

describe("close", () => {
  it("drops pending callbacks and timers", () => {
    const loop = manual();
    const log: string[] = [];
    loop.callSoon(() => log.push("dropped"));
    loop.callLater(10, () => log.push("dropped too"));
    loop.close();
    expect(loop.statistics()).toMatchObject({
      ready: 0,
      timers: 0,
      cancelledTimers: 0,
      hostTimerArmed: false,
    });
    expect(log).toEqual([]);
  });

  it("leaves no host timer behind after a real-clock run", async () => {
    const loop = new EventLoop();
    const fut = loop.createFuture<string>();
    loop.callLater(1, () => fut.setResult("done"));
    loop.callLater(60_000, () => {});
    await expect(loop.runUntilComplete(fut)).resolves.toBe("done");
    loop.close();
    expect(loop.statistics()).toMatchObject({ timers: 0, hostTimerArmed: false });
  });

  it("cannot close a running loop", () => {
    const loop = manual();
    let error: unknown;
    loop.callSoon(() => {
      try {
        loop.close();
      } catch (e) {
        error = e;
      }
    });
    loop.advance(0);
    expect(error).toBeInstanceOf(RuntimeError);
  });

  it("runs close callbacks newest first, once, and reports one that throws without skipping the rest", () => {
    const loop = manual();
    const log: string[] = [];
    const reported: unknown[] = [];
    loop.setExceptionHandler((_l, ctx) => reported.push(ctx.exception));
    const boom = new Error("boom");
    loop.addCloseCallback(() => log.push("first registered"));
    loop.addCloseCallback(() => {
      throw boom;
    });
    const forget = loop.addCloseCallback(() => log.push("unregistered"));
    loop.addCloseCallback(() => log.push("last registered"));
    forget();
    loop.close();
    loop.close();
    expect(log).toEqual(["last registered", "first registered"]);
    expect(reported).toEqual([boom]);
  });

  it("refuses close callbacks that are not functions, or on a closed loop", () => {
    const loop = manual();
    expect(() => loop.addCloseCallback(42 as never)).toThrow(
      /addCloseCallback\(callback\): callback must be a function, got number 42/,
    );
    loop.close();
    expect(() => loop.addCloseCallback(() => {})).toThrow(RuntimeError);
  });
});

describe("the exception handler", () => {
  it("receives errors thrown by callbacks, and the loop carries on", () => {
    const loop = manual();
    const seen: string[] = [];
    loop.setExceptionHandler((_loop, ctx) =>
      seen.push(`${ctx.message}: ${(ctx.exception as Error).message}`),
    );
    loop.callSoon(function boom() {
      throw new Error("kaput");
    });
    loop.callSoon(() => seen.push("next callback ran"));
    loop.advance(0);
    expect(seen).toEqual(["Exception in callback boom(): kaput", "next callback ran"]);
  });

  it("defaults to console.error with the message and the error", () => {
    const loop = manual();
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = new Error("unseen");
    loop.callSoon(() => {
      throw error;
    });
    loop.advance(0);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toMatch(/Exception in callback/);
    expect(spy.mock.calls[0]).toContain(error);
    spy.mockRestore();
  });

  it("a handler that throws is reported instead of breaking the loop", () => {
    const loop = manual();
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    loop.setExceptionHandler(() => {
      throw new Error("handler bug");
    });
    loop.callSoon(() => {
      throw new Error("x");
    });
    expect(() => loop.advance(0)).not.toThrow();
    expect(spy.mock.calls[0]?.[0]).toMatch(/Unhandled error in exception handler/);
    spy.mockRestore();
  });

  it("reports a future whose exception was never retrieved when the loop closes", () => {
    const loop = manual();
    const seen: unknown[] = [];
    loop.setExceptionHandler((_l, ctx) => seen.push(ctx.message, ctx.exception));
    const lost = loop.createFuture<number>();
    const seenOk = loop.createFuture<number>();
    const error = new Error("lost");
    lost.setException(error);
    seenOk.setException(new Error("retrieved"));
    expect(seenOk.exception()).toBeInstanceOf(Error);
    loop.close();
    expect(seen).toEqual(["Future exception was never retrieved", error]);
  });
});

describe("running inside the host", () => {
  it("sets the running loop only while it runs", async () => {
    const loop = new EventLoop();
    const fut = loop.createFuture<unknown>();
    loop.callSoon(() => fut.setResult(getRunningLoopOrNull()));
    expect(await loop.runUntilComplete(fut)).toBe(loop);
    expect(getRunningLoopOrNull()).toBeNull();
    loop.close();
  });

  it("gives host macrotasks a turn while it is busy (no starvation)", async () => {
    const loop = new EventLoop({ batchBudget: 1 });
    const fut = loop.createFuture<number>();
    let hostRan = false;
    let iterations = 0;
    const spin = () => {
      iterations++;
      if (hostRan) fut.setResult(iterations);
      else loop.callSoon(spin);
    };
    loop.callSoon(spin);
    setImmediate(() => {
      hostRan = true;
    });
    const n = await loop.runUntilComplete(fut);
    expect(n).toBeGreaterThan(1);
    loop.close();
  });

  it("wakes up when work arrives from outside (a promise callback)", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const fut = loop.createFuture<string>();
    const release = loop.trackExternal("test promise");
    Promise.resolve().then(() => {
      fut.setResult("from outside");
      release();
    });
    await expect(loop.runUntilComplete(fut)).resolves.toBe("from outside");
    loop.close();
  });

  it("counts outside work until each token is released, once, whatever the order", () => {
    const loop = manual();
    const releases = ["a", "b", "c"].map((label) => loop.trackExternal(label));
    expect(loop.statistics().external).toBe(3);
    releases[1]!();
    releases[1]!(); // a second release changes nothing
    expect(loop.statistics().external).toBe(2);
    releases[0]!();
    releases[2]!();
    expect(loop.statistics().external).toBe(0);
    const again = loop.trackExternal("d");
    expect(loop.statistics().external).toBe(1);
    again();
    expect(loop.statistics().external).toBe(0);
    loop.close();
  });

  it("rejects already-running and manual-clock runs with RuntimeError", () => {
    const m = manual();
    expect(() => m.runUntilComplete(m.createFuture())).toThrow(/advance/);
    const loop = new EventLoop();
    const fut = loop.createFuture();
    // Nothing is due, however slow the machine: the loop is surely still running below.
    const release = loop.trackExternal("the test");
    const p = loop.runUntilComplete(fut);
    expect(() => loop.runUntilComplete(fut)).toThrow(/already running/);
    fut.setResult(1);
    release();
    return p.then(() => loop.close());
  });
});

describe("virtual time", () => {
  it("jumps straight to the next timer when nothing is ready", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const log: string[] = [];
    const fut = loop.createFuture<void>();
    loop.callLater(10_000, () => log.push(`10 s at ${loop.time()}`));
    loop.callLater(3_600_000, () => {
      log.push(`1 h at ${loop.time()}`);
      fut.setResult();
    });
    const started = performance.now();
    await loop.runUntilComplete(fut);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(log).toEqual(["10 s at 10000", "1 h at 3600000"]);
    loop.close();
  });

  it("does not jump while something outside the loop is pending", async () => {
    const loop = new EventLoop({ clock: "virtual" });
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

  it("advance() rejects bad input and real clocks", () => {
    expect(() => manual().advance(-1)).toThrow(RangeError);
    expect(() => manual().advance(Number.NaN)).toThrow(RangeError);
    expect(() => new EventLoop().advance(1)).toThrow(/virtual or manual/);
  });
});

describe("debug mode", () => {
  it("reports callbacks slower than slowCallbackDuration", () => {
    const loop = new EventLoop({ clock: "manual", debug: true, slowCallbackDuration: 1 });
    const spy = vi.spyOn(console, "warn").mockImplementation(() => {});
    loop.callSoon(() => {
      const until = performance.now() + 3;
      while (performance.now() < until) {
        // busy on purpose: a slow callback
      }
    });
    loop.advance(0);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toMatch(/a callback took .* ms/);
    spy.mockRestore();
    expect(loop.getDebug()).toBe(true);
  });
});

describe("deadlock detection", () => {
  it("rejects with DeadlockError when nothing can ever complete the future", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const fut = loop.createFuture<void>("a future nobody sets");
    await expect(loop.runUntilComplete(fut)).rejects.toThrow(/deadlock/);
    loop.close();
  });
});

describe("instruments", () => {
  it("are told about plain callbacks and can be removed", () => {
    const loop = manual();
    const ran: string[] = [];
    const remove = loop.addInstrument({ callbackRan: (cb) => ran.push(cb.name) });
    loop.callSoon(function first() {});
    loop.advance(0);
    remove();
    loop.callSoon(function second() {});
    loop.advance(0);
    expect(ran).toEqual(["first"]);
    expect(() => loop.addInstrument(null as never)).toThrow(TypeError);
  });
});

describe("clocks", () => {
  it("a real clock counts from the loop's creation, scaled or not", () => {
    const plain = new EventLoop();
    const scaled = new EventLoop({ timeScale: 10 });
    expect(plain.time()).toBeGreaterThanOrEqual(0);
    expect(plain.time()).toBeLessThan(1000);
    expect(scaled.time()).toBeLessThan(10_000);
    plain.close();
    scaled.close();
  });

  it("a paced virtual clock gives exactly the unpaced order and times, letting real time pass", async () => {
    const trace = async (timeScale?: number) => {
      const loop = new EventLoop({ clock: "virtual", timeScale });
      const log: string[] = [];
      const fut = loop.createFuture<void>();
      loop.callLater(300, () => log.push(`b at ${loop.time()}`));
      loop.callLater(100, () => log.push(`a at ${loop.time()}`));
      loop.callLater(300, () => {
        log.push(`c at ${loop.time()}`);
        fut.setResult();
      });
      const started = performance.now();
      await loop.runUntilComplete(fut);
      loop.close();
      return { log, wall: performance.now() - started };
    };
    const unpaced = await trace();
    const paced = await trace(100); // 300 ms of loop time in about 3 ms of real time
    expect(paced.log).toEqual(unpaced.log);
    expect(paced.log).toEqual(["a at 100", "b at 300", "c at 300"]);
    expect(paced.wall).toBeGreaterThanOrEqual(2);
  });
});
