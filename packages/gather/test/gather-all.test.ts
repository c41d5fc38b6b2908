import type { Operation } from "@corio/interfaces";
import { createTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, expectTypeOf, it } from "vitest";
import { gather, gatherAll } from "../src/index.js";
import { child } from "./helpers.js";

describe("gatherAll", () => {
  it("gathers a list in its order, like gather with the list spread", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const spread = yield* gather(child(log, "a", 2), child(log, "b", 0));
      const listed = yield* gatherAll([child(log, "c", 2), child(log, "d", 0)]);
      expect(spread).toEqual(["a", "b"]);
      expect(listed).toEqual(["c", "d"]);
      expect(log).toEqual([
        "a start",
        "b start",
        "b end",
        "a end",
        "c start",
        "d start",
        "d end",
        "c end",
      ]);
      expectTypeOf(listed).toEqualTypeOf<string[]>();
    }));

  it("handles lists far longer than a call's argument limit", () =>
    runVirtual(function* () {
      function* nap(i: number) {
        yield* sleep(i % 10);
        return i;
      }
      const tasks = Array.from({ length: 200_000 }, (_, i) => createTask(nap(i)));
      const results = yield* gatherAll(tasks);
      expect(results).toHaveLength(200_000);
      expect(results[199_999]).toBe(199_999);
    }));

  it("takes any iterable and the returnExceptions option", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const items = new Set<Operation<string>>([child(log, "ok", 0), child(log, "bad", 1, true)]);
      const settled = yield* gatherAll(items, { returnExceptions: true });
      expect(settled[0]).toBe("ok");
      expect(settled[1]).toBeInstanceOf(Error);
      expect(yield* gatherAll([])).toEqual([]);
    }));

  it("rejects what is not a list, and bad items by index", () =>
    runVirtual(function* () {
      expect(() => gatherAll(5 as never)).toThrow(/aws must be an array or another iterable/);
      expect(() => gatherAll(child([], "x", 0) as never)).toThrow(TypeError);
      expect(() => gatherAll([1 as never])).toThrow(
        /^gatherAll\(aws\): aws\[0\] must be a coroutine/,
      );
      expect(() => gatherAll([], "x" as never)).toThrow(/options must be an object/);
      expect(() => gather([] as never)).toThrow(/gatherAll/);
      yield* sleep(0);
    }));
});
