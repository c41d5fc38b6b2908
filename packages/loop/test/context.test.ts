// contextvars in @corio/loop: ContextVar, Token, Context, copyContext, and handles run in a context.
import { LookupError, RuntimeError } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { Context, ContextVar, copyContext, EventLoop, Token } from "../src/index.js";

describe("ContextVar", () => {
  it("get() returns the default, the given default, or throws LookupError", () => {
    const a = new ContextVar<number>("a");
    const b = new ContextVar<number>("b", { default: 7 });
    expect(() => a.get()).toThrow(LookupError);
    expect(() => a.get()).toThrow(/<ContextVar name="a">/);
    expect(a.get(1)).toBe(1);
    expect(b.get()).toBe(7);
    expect(b.get(3)).toBe(3);
    expect(new ContextVar("u", { default: undefined }).get()).toBeUndefined();
  });

  it("set() returns a token that reset() uses to restore the old value", () =>
    new Context().run(() => {
      const v = new ContextVar<string>("v");
      const t1 = v.set("one");
      expect(t1.var).toBe(v);
      expect(t1.oldValue).toBe(Token.MISSING);
      const t2 = v.set("two");
      expect(t2.oldValue).toBe("one");
      v.reset(t2);
      expect(v.get()).toBe("one");
      v.reset(t1);
      expect(() => v.get()).toThrow(LookupError);
    }));

  it("reset() rejects a used token, another variable's token, and a token of another context", () =>
    new Context().run(() => {
      const v = new ContextVar<number>("v");
      const w = new ContextVar<number>("w");
      const t = v.set(1);
      expect(() => w.reset(t as never)).toThrow(/was created by a different ContextVar/);
      expect(() => w.reset(t as never)).toThrow(RangeError);
      expect(() => copyContext().run(() => v.reset(t))).toThrow(
        /<Token var=<ContextVar name="v">> was created in a different Context/,
      );
      v.reset(t);
      expect(() => v.reset(t)).toThrow(RuntimeError);
      expect(() => v.reset(t)).toThrow(
        /<Token used var=<ContextVar name="v">> has already been used once/,
      );
      expect(() => v.reset({} as never)).toThrow(/reset\(token\): token must be a Token/);
    }));

  it("a name that is not a string is a TypeError", () => {
    expect(() => new ContextVar(1 as never)).toThrow(/name must be a string, got number 1/);
  });
});

describe("Context", () => {
  it("run() makes its context current and restores the previous one, even on a throw", () => {
    const v = new ContextVar<string>("v", { default: "outer" });
    const ctx = new Context();
    expect(ctx.run((x: number) => `${v.get()} ${x}`, 1)).toBe("outer 1");
    ctx.run(() => v.set("inner"));
    expect(v.get()).toBe("outer");
    expect(ctx.get(v)).toBe("inner");
    expect(() =>
      ctx.run(() => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(ctx.run(() => v.get())).toBe("inner");
  });

  it("copies are independent: a write after copy() changes one side only", () => {
    const v = new ContextVar<number>("v");
    const a = new Context();
    a.run(() => v.set(1));
    const b = a.copy();
    b.run(() => v.set(2));
    a.run(() => v.set(3));
    expect([a.get(v), b.get(v)]).toEqual([3, 2]);
    const c = b.run(() => copyContext());
    expect(c.get(v)).toBe(2);
  });

  it("is a read-only mapping: get, has, size, keys, values, entries", () => {
    const v = new ContextVar<number>("v");
    const w = new ContextVar<number>("w");
    const ctx = new Context();
    ctx.run(() => {
      v.set(1);
      w.set(2);
    });
    expect(ctx.size).toBe(2);
    expect(ctx.has(v)).toBe(true);
    expect(ctx.get(new ContextVar("x"), "none")).toBe("none");
    expect([...ctx.keys()].map((k) => k.name).sort()).toEqual(["v", "w"]);
    expect([...ctx.values()].sort()).toEqual([1, 2]);
    expect(new Map(ctx.entries()).get(w)).toBe(2);
    expect([...ctx].length).toBe(2);
    expect(new Context().size).toBe(0);
  });

  it("run() of a context already entered is a RuntimeError, directly or nested", () => {
    const a = new Context();
    const b = new Context();
    expect(() => a.run(() => a.run(() => 0))).toThrow(
      /cannot enter context: .* is already entered/,
    );
    expect(() => a.run(() => b.run(() => a.run(() => 0)))).toThrow(RuntimeError);
    expect(a.run(() => b.run(() => 5))).toBe(5); // and both can be entered again afterwards
  });

  it("run(fn) with no function is a TypeError", () => {
    expect(() => new Context().run(3 as never)).toThrow(/Context.run\(fn\): fn must be a function/);
  });
});

describe("handles run in a context", () => {
  it("callSoon and callLater run in a copy of the context current when scheduled, or the one given", () => {
    const loop = new EventLoop({ clock: "manual" });
    const v = new ContextVar<string>("v", { default: "-" });
    const log: string[] = [];
    const ctx = new Context();
    const scheduling = new Context();
    scheduling.run(() => {
      v.set("at scheduling");
      loop.callSoon(() => {
        log.push(`soon ${v.get()}`);
        v.set("changed by the callback");
      });
      loop.callLater(10, () => log.push(`later ${v.get()}`));
      loop.callAt(5, () => log.push(`at ${v.get()}`), { context: ctx });
      loop.callSoon(() => v.set("in ctx"), { context: ctx });
      v.set("after scheduling");
    });
    loop.advance(10);
    loop.close();
    expect(log).toEqual(["soon at scheduling", "at in ctx", "later at scheduling"]);
    expect(scheduling.get(v)).toBe("after scheduling");
  });

  it("a callback scheduled where nothing is set runs in an empty context of its own", () => {
    const loop = new EventLoop({ clock: "manual" });
    const v = new ContextVar<string>("v", { default: "-" });
    const log: string[] = [];
    loop.callSoon(() => {
      log.push(`first ${v.get()}`);
      v.set("leak?");
    });
    loop.callSoon(() => log.push(`second ${v.get()}`));
    loop.advance(0);
    loop.close();
    expect(log).toEqual(["first -", "second -"]);
    expect(v.get()).toBe("-");
  });

  it("done callbacks run in the context current when added, or the one given", () => {
    const loop = new EventLoop({ clock: "manual" });
    const v = new ContextVar<string>("v", { default: "-" });
    const log: string[] = [];
    const fut = loop.createFuture<number>();
    const ctx = new Context();
    ctx.run(() => v.set("given"));
    const removed = (f: typeof fut) => log.push(`removed ${f.result()}`);
    new Context().run(() => {
      v.set("adder");
      fut.addDoneCallback((f) => log.push(`cb ${v.get()} ${f.result()}`));
      fut.addDoneCallback((f) => log.push(`cb2 ${v.get()} ${f.result()}`), { context: ctx });
      fut.addDoneCallback(removed);
    });
    fut.addDoneCallback((f) => log.push(`bare ${v.get()} ${f.result()}`));
    expect(fut.removeDoneCallback(removed)).toBe(1);
    fut.setResult(1);
    loop.advance(0);
    loop.close();
    expect(log).toEqual(["cb adder 1", "cb2 given 1", "bare - 1"]);
  });

  it("options.context that is not a Context is a TypeError naming the method", () => {
    const loop = new EventLoop({ clock: "manual" });
    expect(() => loop.callSoon(() => {}, { context: {} as never })).toThrow(
      /callSoon\(callback, options\): options.context must be a Context/,
    );
    expect(() => loop.createFuture().addDoneCallback(() => {}, { context: 1 as never })).toThrow(
      TypeError,
    );
    loop.close();
  });
});
