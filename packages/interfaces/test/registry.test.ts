// A query string makes Vite evaluate the module a second time: a stand-in for a second copy.
const secondCopy = (name: string): string => `../src/${name}.ts?second-copy`;

import { describe, expect, it } from "vitest";
import {
  type EventLoop,
  getRunningLoop,
  getRunningLoopOrNull,
  isCoroutine,
  isFutureLike,
  RuntimeError,
  setRunningLoop,
} from "../src/index.js";

describe("the running-loop registry", () => {
  it("getRunningLoop() throws a RuntimeError that says what to do when no loop runs", () => {
    expect(getRunningLoopOrNull()).toBeNull();
    expect(() => getRunningLoop()).toThrow(RuntimeError);
    expect(() => getRunningLoop()).toThrow(/no running event loop/);
  });

  it("is shared by copies of the package through a registered symbol", async () => {
    const copy = (await import(secondCopy("registry"))) as typeof import("../src/registry.js");
    const fake = {} as EventLoop;
    const previous = setRunningLoop(fake);
    try {
      expect(copy.getRunningLoop()).toBe(fake);
    } finally {
      setRunningLoop(previous);
    }
    expect(getRunningLoopOrNull()).toBeNull();
  });
});

describe("protocol guards", () => {
  it("isCoroutine accepts generator objects only", () => {
    function* g() {}
    expect(isCoroutine(g())).toBe(true);
    expect(isCoroutine(g)).toBe(false);
    expect(isCoroutine([1, 2][Symbol.iterator]())).toBe(false);
    expect(isCoroutine(Promise.resolve())).toBe(false);
  });

  it("isFutureLike looks for the await protocol", () => {
    expect(isFutureLike({ _blocking: false, addDoneCallback() {} })).toBe(true);
    expect(isFutureLike(Promise.resolve())).toBe(false);
    expect(isFutureLike(undefined)).toBe(false);
  });
});
