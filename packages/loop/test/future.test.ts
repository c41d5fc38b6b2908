import { CancelledError, InvalidStateError } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { EventLoop, Future } from "../src/index.js";

const manual = () => new EventLoop({ clock: "manual" });

describe("Future", () => {
  it("starts pending; result() and exception() refuse until done", () => {
    const fut = manual().createFuture<number>();
    expect(fut.done()).toBe(false);
    expect(fut.cancelled()).toBe(false);
    expect(() => fut.result()).toThrow(InvalidStateError);
    expect(() => fut.exception()).toThrow(InvalidStateError);
  });

  it("holds a result, or an exception that result() throws", () => {
    const loop = manual();
    const ok = loop.createFuture<number>();
    ok.setResult(42);
    expect([ok.done(), ok.result(), ok.exception()]).toEqual([true, 42, null]);
    const bad = loop.createFuture<number>();
    const error = new Error("no");
    bad.setException(error);
    expect(() => bad.result()).toThrow(error);
    expect(bad.exception()).toBe(error);
  });

  it("keeps a label given at creation, by a subclass, or set later, and shows it in toString()", () => {
    const loop = manual();
    const labelled = loop.createFuture<void>("Queue.get()");
    const plain = loop.createFuture<void>();
    class Sub extends Future<void> {}
    const sub = new Sub(loop, "sub wait");
    expect([labelled.label, plain.label, sub.label]).toEqual([
      "Queue.get()",
      undefined,
      "sub wait",
    ]);
    plain.label = "set later";
    labelled.label = "renamed";
    expect([plain.label, labelled.label]).toEqual(["set later", "renamed"]);
    expect(String(plain)).toBe("<Future pending set later>");
  });

  it("refuses to be set twice with InvalidStateError", () => {
    const fut = manual().createFuture<number>();
    fut.setResult(1);
    expect(() => fut.setResult(2)).toThrow(InvalidStateError);
    expect(() => fut.setException(new Error())).toThrow(/already done/);
    expect(fut.cancel()).toBe(false);
    expect(fut.result()).toBe(1);
  });

  it("cancel(msg) makes result() throw CancelledError carrying the message", () => {
    const fut = manual().createFuture<number>();
    expect(fut.cancel("stop")).toBe(true);
    expect(fut.cancelled()).toBe(true);
    expect(() => fut.result()).toThrow(CancelledError);
    expect(() => fut.result()).toThrow("stop");
    expect(() => fut.exception()).toThrow(CancelledError);
  });

  it("runs done callbacks through the loop in registration order, never synchronously", () => {
    const loop = manual();
    const log: string[] = [];
    const fut = loop.createFuture<number>();
    fut.addDoneCallback((f) => log.push(`first ${f.result()}`));
    fut.addDoneCallback(() => log.push("second"));
    loop.callSoon(() => log.push("soon, scheduled before setResult"));
    fut.setResult(7);
    log.push("after setResult");
    fut.addDoneCallback(() => log.push("added when done: scheduled at once"));
    loop.advance(0);
    expect(log).toEqual([
      "after setResult",
      "soon, scheduled before setResult",
      "first 7",
      "second",
      "added when done: scheduled at once",
    ]);
  });

  it("removeDoneCallback removes every registration and counts them", () => {
    const loop = manual();
    const log: string[] = [];
    const fut = loop.createFuture<void>();
    const cb = () => log.push("removed");
    fut.addDoneCallback(cb);
    fut.addDoneCallback(() => log.push("kept"));
    fut.addDoneCallback(cb);
    expect(fut.removeDoneCallback(cb)).toBe(2);
    expect(fut.removeDoneCallback(cb)).toBe(0);
    fut.setResult();
    loop.advance(0);
    expect(log).toEqual(["kept"]);
    expect(() => fut.addDoneCallback("x" as never)).toThrow(TypeError);
  });

  it("is its own iterator: yields itself while pending, then returns the result", () => {
    const loop = manual();
    const fut = loop.createFuture<string>();
    function* awaiter() {
      return yield* fut;
    }
    const gen = awaiter();
    const first = gen.next();
    expect(first.value).toBe(fut);
    expect(first.done).toBe(false);
    expect(fut._blocking).toBe(true);
    fut._blocking = false; // what the task does when it parks on the future
    fut.setResult("v");
    expect(gen.next()).toEqual({ value: "v", done: true });
  });

  it("a done future returns at once from yield*, without suspending", () => {
    const fut = manual().createFuture<string>();
    fut.setResult("ready");
    function* awaiter() {
      return yield* fut;
    }
    expect(awaiter().next()).toEqual({ value: "ready", done: true });
  });

  it("is PromiseLike: plain async code can await it", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const fut: Future<number> = loop.createFuture<number>();
    loop.callLater(1000, () => fut.setResult(5));
    const awaited = (async () => (await fut) * 2)();
    await loop.runUntilComplete(fut);
    await expect(awaited).resolves.toBe(10);
    const failed = loop.createFuture<number>();
    failed.cancel("gone");
    await expect(failed).rejects.toBeInstanceOf(CancelledError);
    loop.close();
  });

  it("iterated by hand, a pending future fails instead of spinning forever", () => {
    const fut = manual().createFuture<number>();
    expect(() => Array.from(fut as Iterable<unknown>)).toThrow(/inside a task/);
  });

  it("describes itself for listings", () => {
    const fut = manual().createFuture<void>("Queue.get()");
    expect(String(fut)).toBe("<Future pending Queue.get()>");
    expect(fut.label).toBe("Queue.get()");
  });
});

describe("Future typing", () => {
  it("a Future<void> can be used where a Future<unknown> is expected", () => {
    const loop = new EventLoop({ clock: "manual" });
    const specific: Future<void> = loop.createFuture<void>();
    const wide: Future<unknown>[] = [specific];
    expect(wide).toHaveLength(1);
  });
});
