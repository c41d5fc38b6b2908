import { CancelledError, TimeoutError } from "@corio/interfaces";
import { describe, expect, expectTypeOf, it } from "vitest";
import { ExceptionGroup } from "../src/index.js";

describe("ExceptionGroup", () => {
  const t1 = new TimeoutError("t1");
  const r1 = new RangeError("r1");
  const t2 = new TimeoutError("t2");
  const nested = new ExceptionGroup("inner", [t2, new CancelledError("c")]);
  const group = new ExceptionGroup("outer", [t1, r1, nested]);

  it("is an AggregateError with errors and a name", () => {
    expect(group).toBeInstanceOf(AggregateError);
    expect(group).toBeInstanceOf(ExceptionGroup);
    expect(group.errors).toEqual([t1, r1, nested]);
    expect(group.name).toBe("ExceptionGroup");
    expect(group.message).toBe("outer");
    expect(new AggregateError([])).not.toBeInstanceOf(ExceptionGroup);
  });

  it("match() keeps the nested shape and the message", () => {
    const m = group.match(TimeoutError)!;
    expect(m.message).toBe("outer");
    expect(m.errors[0]).toBe(t1);
    const inner = m.errors[1] as unknown as ExceptionGroup;
    expect(inner).toBeInstanceOf(ExceptionGroup);
    expect(inner.message).toBe("inner");
    expect(inner.errors).toEqual([t2]);
    expect(group.match(SyntaxError)).toBeNull();
  });

  it("split() gives the matching part and the rest; a predicate works too", () => {
    const [m, rest] = group.split((e) => e instanceof CancelledError || e === r1);
    expect(m!.errors[0]).toBe(r1);
    expect((m!.errors[1] as ExceptionGroup).errors).toHaveLength(1);
    expect(rest!.errors[0]).toBe(t1);
    expect((rest!.errors[1] as ExceptionGroup).errors).toEqual([t2]);
    const [all, none] = group.split(Error);
    expect(all).toBe(group);
    expect(none).toBeNull();
  });

  it("rejects an empty list and a bad matcher", () => {
    expect(() => new ExceptionGroup("x", [])).toThrow(TypeError);
    expect(() => group.split(42 as never)).toThrow(TypeError);
  });

  it("instanceof works for a copy branded the same way", () => {
    const foreign = Object.create(AggregateError.prototype);
    Object.defineProperty(foreign, Symbol.for("@corio/cancel/ExceptionGroup"), { value: true });
    expect(foreign).toBeInstanceOf(ExceptionGroup);
  });
});

describe("ExceptionGroup types", () => {
  it("match(Class) narrows the element type", () => {
    const g = new ExceptionGroup<Error>("g", [new TimeoutError("t")]);
    const m = g.match(TimeoutError);
    expectTypeOf(m).toEqualTypeOf<ExceptionGroup<TimeoutError> | null>();
    const p = g.match((e) => e instanceof TimeoutError);
    expectTypeOf(p).toEqualTypeOf<ExceptionGroup<Error> | null>();
  });
});
