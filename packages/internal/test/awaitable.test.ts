import { describe, expect, it } from "vitest";
import { checkAwaitable, checkCoroutine, checkMilliseconds, isAwaitable } from "../src/index.js";

function* work() {}

describe("checkAwaitable", () => {
  it("accepts coroutines and other objects with [Symbol.iterator]", () => {
    expect(isAwaitable(work())).toBe(true);
    expect(isAwaitable({ [Symbol.iterator]: () => work() })).toBe(true);
  });

  it.each([
    [42, /f\(aw\): aw must be a coroutine, a future, a task or another operation, got number 42$/],
    [null, /got null$/],
    [new Map(), /got an object \(\[object Map\]\)$/],
    [new Set(), /got an object \(\[object Set\]\)$/],
    [[1], /got an array \(to wait for an array of operations, pass the array to gatherAll/],
    [Promise.resolve(1), /\(wrap a promise with fromPromise\(promise\)\)$/],
    [work, /got function work \(call the generator function: f\(work\(\)\), not f\(work\)\)$/],
  ])("rejects %o with a TypeError naming the argument", (value, message) => {
    expect(() => checkAwaitable(value, "f(aw): aw")).toThrow(TypeError);
    expect(() => checkAwaitable(value, "f(aw): aw")).toThrow(message);
  });
});

describe("checkCoroutine", () => {
  it("accepts generator objects only", () => {
    expect(() => checkCoroutine(work(), "g(coro): coro")).not.toThrow();
    expect(() => checkCoroutine(work, "g(coro): coro")).toThrow(
      "g(coro): coro must be a generator object, got function work (call the generator function: g(work()), not g(work))",
    );
    expect(() => checkCoroutine(5, "run(main): main", " or a generator function")).toThrow(
      "run(main): main must be a generator object or a generator function, got number 5",
    );
  });
});

describe("checkMilliseconds", () => {
  it("reads null, undefined and Infinity as none, and keeps other numbers", () => {
    expect(checkMilliseconds("t", undefined)).toBe(null);
    expect(checkMilliseconds("t", null)).toBe(null);
    expect(checkMilliseconds("t", Number.POSITIVE_INFINITY)).toBe(null);
    expect(checkMilliseconds("t", -5)).toBe(-5);
  });

  it("rejects a non-number with a TypeError and NaN with a RangeError", () => {
    expect(() => checkMilliseconds("t(ms): ms", "1")).toThrow(
      new TypeError(
        't(ms): ms must be a number of milliseconds, null or undefined, got string "1"',
      ),
    );
    expect(() => checkMilliseconds("t(ms): ms", Number.NaN)).toThrow(RangeError);
  });
});
