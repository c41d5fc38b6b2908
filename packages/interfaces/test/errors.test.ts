// A query string makes Vite evaluate the module a second time: a stand-in for a second copy.
const secondCopy = (name: string): string => `../src/${name}.ts?second-copy`;

import { describe, expect, it } from "vitest";
import {
  CancelledError,
  CorioError,
  DeadlockError,
  InvalidStateError,
  isCancelledError,
  RuntimeError,
  TimeoutError,
} from "../src/index.js";

describe("errors", () => {
  it("carry asyncio's names and the message given", () => {
    const e = new CancelledError("stop");
    expect(e.name).toBe("CancelledError");
    expect(e.message).toBe("stop");
    expect(new TimeoutError().name).toBe("TimeoutError");
    expect(new InvalidStateError().name).toBe("InvalidStateError");
    expect(new RuntimeError().name).toBe("RuntimeError");
    expect(new DeadlockError().name).toBe("DeadlockError");
  });

  it("are Errors and CorioErrors, and instanceof tells the kinds apart", () => {
    const e = new TimeoutError("late");
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(CorioError);
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e).not.toBeInstanceOf(CancelledError);
    expect(isCancelledError(e)).toBe(false);
    expect(isCancelledError(new CancelledError())).toBe(true);
    expect(isCancelledError("CancelledError")).toBe(false);
    expect(isCancelledError(null)).toBe(false);
  });

  it("keep one identity across two copies of the package", async () => {
    // A second evaluation of the module stands in for a second installed copy.
    const copy = (await import(secondCopy("errors"))) as typeof import("../src/errors.js");
    expect(copy.CancelledError).not.toBe(CancelledError);
    const foreign = new copy.CancelledError("from the other copy");
    expect(foreign).toBeInstanceOf(CancelledError);
    expect(new CancelledError()).toBeInstanceOf(copy.CancelledError);
    expect(isCancelledError(foreign)).toBe(true);
    expect(new copy.TimeoutError()).not.toBeInstanceOf(CancelledError);
  });

  it("support subclasses with their own brand", () => {
    class LockBroken extends CorioError {
      static override readonly brand = "LockBroken";
      constructor(message?: string) {
        super(message, undefined, LockBroken.brand);
      }
    }
    const e = new LockBroken("x");
    expect(e).toBeInstanceOf(LockBroken);
    expect(e).toBeInstanceOf(CorioError);
    expect(e.name).toBe("LockBroken");
    expect(new CancelledError()).not.toBeInstanceOf(LockBroken);
  });
});
