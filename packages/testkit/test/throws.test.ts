// expectThrows, expectRaises and expectRejects: they return the thrown error and fail loudly when
// nothing is thrown or the error has the wrong class, so a test built on them cannot pass vacuously.
import { CancelledError, getRunningLoop, InvalidStateError, TimeoutError } from "@corio/interfaces";
import { createTask, currentTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import { expectRaises, expectRejects, expectThrows } from "../src/index.js";

function* failAfter(ms: number, error: unknown) {
  yield* sleep(ms);
  throw error;
}
function* returnAfter<T>(ms: number, value: T) {
  yield* sleep(ms);
  return value;
}

describe("expectThrows", () => {
  it("returns the thrown error, typed by the class", () => {
    const err = expectThrows(() => {
      throw new InvalidStateError("too many");
    }, InvalidStateError);
    expect(err).toBeInstanceOf(InvalidStateError);
    expect(err.message).toBe("too many");
  });

  it("accepts any thrown value when no class is given", () => {
    expect(
      expectThrows(() => {
        throw "plain";
      }),
    ).toBe("plain");
  });

  it("matches subclasses with instanceof", () => {
    const err = expectThrows(() => {
      throw new RangeError("r");
    }, Error);
    expect(err).toBeInstanceOf(RangeError);
  });

  it("fails when nothing is thrown, naming the expected class and the returned value", () => {
    expect(() => expectThrows(() => 42, TypeError)).toThrow(
      "expectThrows(fn, errorClass): expected fn to throw TypeError, but it returned 42",
    );
    expect(() => expectThrows(() => undefined)).toThrow(
      "expected fn to throw an error, but it returned undefined",
    );
  });

  it("fails on an error of the wrong class and keeps it as cause", () => {
    let failure: unknown = null;
    try {
      expectThrows(() => {
        throw new RangeError("r");
      }, TypeError);
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(
      'expectThrows(fn, errorClass): expected fn to throw TypeError, but it threw RangeError("r")',
    );
    expect((failure as Error & { cause: unknown }).cause).toBeInstanceOf(RangeError);
  });

  it("refuses bad arguments with a TypeError naming them", () => {
    expect(() => expectThrows(42 as never)).toThrow(
      new TypeError("expectThrows(fn, errorClass): fn must be a function, got number"),
    );
    expect(() => expectThrows(() => 1, "Error" as never)).toThrow(
      /errorClass must be an error class \(a constructor\) or undefined, got string/,
    );
  });
});

describe("expectRaises (inside a coroutine)", () => {
  it("returns the error a coroutine throws after waiting", () =>
    runVirtual(function* () {
      const err = yield* expectRaises(failAfter(100, new TimeoutError("late")), TimeoutError);
      expect(err.message).toBe("late");
      expect(getRunningLoop().time()).toBe(100);
    }));

  it("takes a task, or a function making the coroutine", () =>
    runVirtual(function* () {
      const t = createTask(failAfter(5, new RangeError("t")));
      expect((yield* expectRaises(t, RangeError)).message).toBe("t");
      expect((yield* expectRaises(() => failAfter(1, new TypeError("f")), TypeError)).message).toBe(
        "f",
      );
    }));

  it("returns the CancelledError of a cancelled task it waits for", () =>
    runVirtual(function* () {
      const t = createTask(returnAfter(100, "never"));
      yield* sleep(10);
      t.cancel("stop");
      const err = yield* expectRaises(t, CancelledError);
      expect(err.message).toBe("stop");
      expect(currentTask()!.cancelling()).toBe(0);
    }));

  it("fails when the coroutine returns normally", async () => {
    await expect(
      runVirtual(function* () {
        yield* expectRaises(returnAfter(10, "ok"), TimeoutError);
      }),
    ).rejects.toThrow(
      'expectRaises(operation, errorClass): expected operation to throw TimeoutError, but it returned "ok"',
    );
  });

  it("fails when the coroutine throws an error of another class", async () => {
    await expect(
      runVirtual(function* () {
        yield* expectRaises(failAfter(1, new RangeError("r")), TimeoutError);
      }),
    ).rejects.toThrow('expected operation to throw TimeoutError, but it threw RangeError("r")');
  });

  it("refuses something that cannot be waited for", () => {
    expect(() => expectRaises(42 as never)).toThrow(
      /operation must be a coroutine, a future or a function returning one, got 42/,
    );
  });
});

describe("expectRejects", () => {
  it("resolves to the rejection reason", async () => {
    const err = await expectRejects(Promise.reject(new RangeError("r")), RangeError);
    expect(err.message).toBe("r");
  });

  it("takes a function, counting a synchronous throw as a rejection", async () => {
    const err = await expectRejects(() => {
      throw new TypeError("sync");
    }, TypeError);
    expect(err.message).toBe("sync");
  });

  it("fails when the promise fulfils", async () => {
    await expect(expectRejects(Promise.resolve(7), Error)).rejects.toThrow(
      "expectRejects(promise, errorClass): expected the promise to throw Error, but it returned 7",
    );
  });

  it("fails when the promise rejects with another class", async () => {
    await expect(expectRejects(Promise.reject(new RangeError("r")), TypeError)).rejects.toThrow(
      'but it threw RangeError("r")',
    );
  });

  it("refuses a value that is neither a promise nor a function", async () => {
    await expect(expectRejects(3 as never)).rejects.toThrow(TypeError);
  });
});
