// contextvars across tasks: each task runs in its own copy of its creator's context.
import { getRunningLoop, RuntimeError } from "@corio/interfaces";
import { Context, ContextVar, copyContext } from "@corio/loop";
import { describe, expect, it } from "vitest";
// @corio/testkit depends on @corio/task, so these tests take the helper from its source.
import { expectRaises } from "../../testkit/src/throws.js";
import { createTask, currentTask, run, sleep, type Task } from "../src/index.js";
import { runVirtual } from "../src/testing.js";

const requestId = new ContextVar<string>("requestId", { default: "-" });

function* nap<T>(ms: number, value: T) {
  return yield* sleep(ms, value);
}

describe("contextvars in tasks", () => {
  it("each task sees its own value across its waits, and a child inherits without leaking back", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const loop = getRunningLoop();
      function* child(tag: string) {
        log.push(`${loop.time()} ${tag} child sees ${requestId.get()}`);
        requestId.set(`${requestId.get()}/child`);
        yield* sleep(5);
        log.push(`${loop.time()} ${tag} child ends with ${requestId.get()}`);
      }
      function* handle(id: string, delay: number) {
        requestId.set(id);
        yield* sleep(delay);
        const c = createTask(child(id));
        requestId.set(`${id}!`); // after creating the child: the child keeps its copy
        yield* c;
        log.push(`${loop.time()} ${id} ends with ${requestId.get()}`);
      }
      const a = createTask(handle("r1", 10));
      const b = createTask(handle("r2", 10));
      yield* a;
      yield* b;
      log.push(`main sees ${requestId.get()}`);
      expect(log).toEqual([
        "10 r1 child sees r1",
        "10 r2 child sees r2",
        "15 r1 child ends with r1/child",
        "15 r2 child ends with r2/child",
        "15 r1 ends with r1!",
        "15 r2 ends with r2!",
        "main sees -",
      ]);
    }));

  it("createTask(coro, { context }) shares that context instead of copying", () =>
    runVirtual(function* () {
      const ctx = new Context();
      const t = createTask(
        (function* () {
          requestId.set("shared");
          yield* sleep(0);
        })(),
        { context: ctx },
      );
      yield* t;
      expect(ctx.get(requestId)).toBe("shared");
      expect(t.getContext()).toBe(ctx);
      expect(requestId.get()).toBe("-");
      expect(() => createTask((function* () {})(), { context: {} as never })).toThrow(
        /createTask\(coro, options\): options.context must be a Context/,
      );
    }));

  it("a task's step runs with its context entered: ctx.run() of it inside is a RuntimeError", () =>
    runVirtual(function* () {
      const ctx = new Context();
      const t = createTask(
        (function* () {
          yield* sleep(0);
          return ctx.run(() => 1);
        })(),
        { context: ctx },
      );
      const err = yield* expectRaises(t);
      expect(err).toBeInstanceOf(RuntimeError);
      expect(String(err)).toMatch(/cannot enter context/);
    }));

  it("a value set at the top level reaches run()'s main task, whose own sets stay inside", async () => {
    const ctx = new Context();
    const seen = await ctx.run(() => {
      requestId.set("top");
      return run(
        (function* () {
          const before = requestId.get();
          requestId.set("main");
          yield* sleep(1);
          return `${before} ${requestId.get()}`;
        })(),
        { clock: "virtual" },
      );
    });
    expect(seen).toBe("top main");
    expect(ctx.get(requestId)).toBe("top");
  });

  it("done callbacks on tasks run in the context current when they were added", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const t = createTask(nap(3, "value"));
      requestId.set("waiter");
      t.addDoneCallback((f) => log.push(`${requestId.get()} got ${f.result()}`));
      const other = copyContext();
      other.run(() => requestId.set("other"));
      t.addDoneCallback((f) => log.push(`${requestId.get()} got ${f.result()}`), {
        context: other,
      });
      requestId.set("changed later");
      yield* t;
      yield* sleep(0);
      expect(log).toEqual(["waiter got value", "other got value"]);
    }));

  it("getContext() returns the task's context, and tasks that set nothing share no context", () =>
    runVirtual(function* () {
      const t = createTask(nap(1, undefined)) as Task<undefined>;
      expect((t as unknown as { ctx: unknown }).ctx).toBeNull(); // nothing set: nothing made
      expect(t.getContext().size).toBe(0);
      requestId.set("x");
      const u = createTask(nap(1, undefined)) as Task<undefined>;
      expect(u.getContext().get(requestId)).toBe("x");
      expect(currentTask()!.getContext() === u.getContext()).toBe(false);
      yield* t;
      yield* u;
    }));
  it("callSoon and callLater from a task run in a copy of the task's context at scheduling", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const log: string[] = [];
      const given = new Context();
      given.run(() => requestId.set("given"));
      requestId.set("main-1");
      loop.callSoon(() => {
        log.push(`${loop.time()} soon ${requestId.get()}`);
        requestId.set("set in callback");
      });
      loop.callLater(10, () => log.push(`${loop.time()} later ${requestId.get()}`));
      loop.callLater(5, () => log.push(`${loop.time()} given ${requestId.get()}`), {
        context: given,
      });
      requestId.set("main-2");
      yield* sleep(0);
      log.push(`${loop.time()} main ${requestId.get()}`);
      yield* sleep(20);
      expect(log).toEqual(["0 soon main-1", "0 main main-2", "5 given given", "10 later main-1"]);
    }));
});
