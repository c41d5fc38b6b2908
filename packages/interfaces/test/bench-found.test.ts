// Found while benchmarking cancellation: stamping brands on every error instance made each
// CorioError ~10x dearer than an Error. Brands now sit on the class prototype; identity must hold.
import { describe, expect, it } from "vitest";
import { CancelledError, CorioError, isCancelledError, TimeoutError } from "../src/index.js";

describe("error brands stamped on the prototype", () => {
  it("a subclass of a subclass is an instance of every class above it, made first or not", () => {
    class Outer extends CorioError {
      static override readonly brand: string = "BenchOuter";
      constructor(m?: string, brand: string = Outer.brand) {
        super(m, undefined, brand);
      }
    }
    class Inner extends Outer {
      static override readonly brand: string = "BenchInner";
      constructor(m?: string) {
        super(m, Inner.brand);
      }
    }
    const inner = new Inner("x");
    expect([inner instanceof Inner, inner instanceof Outer, inner instanceof CorioError]).toEqual([
      true,
      true,
      true,
    ]);
    const outer = new Outer("y");
    expect([
      outer instanceof Inner,
      outer instanceof Outer,
      outer instanceof CancelledError,
    ]).toEqual([false, true, false]);
  });

  it("a second copy of a class (same brand, another definition) still matches instanceof", () => {
    class CancelledCopy extends CorioError {
      static override readonly brand = "CancelledError";
      constructor(m?: string) {
        super(m ?? "", undefined, CancelledCopy.brand);
      }
    }
    const fromCopy = new CancelledCopy("from the other copy");
    expect(fromCopy instanceof CancelledError).toBe(true);
    expect(isCancelledError(fromCopy)).toBe(true);
    expect(new CancelledError("a") instanceof CancelledCopy).toBe(true);
    expect(new TimeoutError("t") instanceof CancelledCopy).toBe(false);
  });

  it("an error made with a brand other than its class's is stamped on the instance alone", () => {
    const odd = new CorioError("odd", undefined, "BenchOdd");
    class Odd extends CorioError {
      static override readonly brand = "BenchOdd";
    }
    expect(odd instanceof Odd).toBe(true);
    expect(new CorioError("plain") instanceof Odd).toBe(false);
    expect(odd.name).toBe("BenchOdd");
  });
});
