import { createTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import { LifoQueue, PriorityQueue, Queue } from "../src/index.js";
import { comparePriorities } from "../src/priority-queue.js";

function drainNowait<T>(q: Queue<T>): T[] {
  const out: T[] = [];
  while (!q.empty()) out.push(q.getNowait());
  return out;
}

/** A small deterministic generator, so the shuffles are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("LifoQueue", () => {
  it("hands out the most recent item first", () =>
    runVirtual(function* () {
      const q = new LifoQueue<number>();
      for (const i of [1, 3, 2]) yield* q.put(i);
      const items = [yield* q.get(), yield* q.get(), yield* q.get()];
      expect(items).toEqual([2, 3, 1]);
    }));

  it("is a Queue: bound, waiting getters, join and shutdown work the same", () =>
    runVirtual(function* () {
      const q = new LifoQueue<number>(1);
      expect(q).toBeInstanceOf(Queue);
      const getter = createTask(q.get());
      yield* sleep(0);
      q.putNowait(7);
      expect(yield* getter).toBe(7);
      q.putNowait(8);
      expect(q.full()).toBe(true);
      q.shutdown(true);
      expect(q.qsize()).toBe(0);
      expect(String(q)).toBe("<LifoQueue maxsize=1 tasks=1 shutdown>");
    }));

  it("rejects a bad maxsize naming LifoQueue", () => {
    expect(() => new LifoQueue(0.5)).toThrow(/LifoQueue\(maxsize\)/);
  });
});

describe("PriorityQueue", () => {
  it("hands out the lowest number first", () =>
    runVirtual(function* () {
      const q = new PriorityQueue<number>();
      for (const i of [1, 3, 2]) yield* q.put(i);
      expect([yield* q.get(), yield* q.get(), yield* q.get()]).toEqual([1, 2, 3]);
    }));

  it("orders [priority, payload] arrays like Python tuples", () => {
    const q = new PriorityQueue<[number, string]>();
    q.putNowait([2, "b"]);
    q.putNowait([1, "z"]);
    q.putNowait([1, "a"]);
    q.putNowait([0, "q"]);
    expect(drainNowait(q)).toEqual([
      [0, "q"],
      [1, "a"],
      [1, "z"],
      [2, "b"],
    ]);
  });

  it("orders strings, bigints and booleans", () => {
    const s = new PriorityQueue<string>();
    for (const x of ["pear", "apple", "fig"]) s.putNowait(x);
    expect(drainNowait(s)).toEqual(["apple", "fig", "pear"]);
    const b = new PriorityQueue<bigint | number>();
    for (const x of [3n, 1, 2n, 0.5]) b.putNowait(x);
    expect(drainNowait(b)).toEqual([0.5, 1, 2n, 3n]);
    const f = new PriorityQueue<boolean>();
    for (const x of [true, false, true]) f.putNowait(x);
    expect(drainNowait(f)).toEqual([false, true, true]);
  });

  it("is stable: equal priorities come out in insertion order", () => {
    const q = new PriorityQueue<[number, { id: number }]>();
    const items = Array.from(
      { length: 50 },
      (_, id) => [id % 3, { id }] as [number, { id: number }],
    );
    for (const item of items) q.putNowait(item);
    const out = drainNowait(q);
    const expected = [...items].sort((a, b) => a[0] - b[0] || a[1].id - b[1].id);
    expect(out).toEqual(expected);
  });

  it("with key: orders by the key, computed once per item, stable for equal keys", () => {
    let calls = 0;
    const q = new PriorityQueue<{ name: string; deadline: number }>(0, {
      key: (job) => {
        calls++;
        return job.deadline;
      },
    });
    q.putNowait({ name: "c", deadline: 20 });
    q.putNowait({ name: "a", deadline: 10 });
    q.putNowait({ name: "d", deadline: 20 });
    q.putNowait({ name: "b", deadline: 10 });
    expect(drainNowait(q).map((j) => j.name)).toEqual(["a", "b", "c", "d"]);
    expect(calls).toBe(4);
  });

  it("with compare: uses the comparator, stable when it returns 0", () => {
    const q = new PriorityQueue<{ n: number; tag: string }>(0, { compare: (a, b) => b.n - a.n });
    q.putNowait({ n: 1, tag: "x" });
    q.putNowait({ n: 5, tag: "first five" });
    q.putNowait({ n: 3, tag: "y" });
    q.putNowait({ n: 5, tag: "second five" });
    expect(drainNowait(q).map((i) => i.tag)).toEqual(["first five", "second five", "y", "x"]);
  });

  it("treats a comparator's NaN as a tie", () => {
    const q = new PriorityQueue<number>(0, { compare: () => Number.NaN });
    for (const x of [3, 1, 2]) q.putNowait(x);
    expect(drainNowait(q)).toEqual([3, 1, 2]);
  });

  it("orders NaN after every other number", () => {
    const q = new PriorityQueue<number>();
    for (const x of [Number.NaN, 2, Number.NaN, -1]) q.putNowait(x);
    expect(drainNowait(q)).toEqual([-1, 2, Number.NaN, Number.NaN]);
  });

  it("matches a stable sort on 2,000 random priorities with interleaved gets", () => {
    const rand = lcg(42);
    const q = new PriorityQueue<[number, number]>(0, { key: (e) => e[0] });
    const model: [number, number][] = [];
    const got: [number, number][] = [];
    const expected: [number, number][] = [];
    for (let i = 0; i < 2000; i++) {
      const e: [number, number] = [Math.floor(rand() * 20), i];
      q.putNowait(e);
      model.push(e);
      if (rand() < 0.4) {
        got.push(q.getNowait());
        model.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expected.push(model.shift()!);
      }
    }
    got.push(...drainNowait(q));
    model.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expected.push(...model);
    expect(got).toEqual(expected);
  });

  it("rejects items it cannot order without compare or key, and keeps the queue as it was", () => {
    const q = new PriorityQueue<unknown>();
    q.putNowait(1);
    expect(() => q.putNowait({ a: 1 })).toThrow(TypeError);
    expect(() => q.putNowait({ a: 1 })).toThrow(
      /cannot order an object.*pass \{ compare \} or \{ key \}/,
    );
    expect(() => q.putNowait(undefined)).toThrow(TypeError);
    expect(q.qsize()).toBe(1);
    expect(q.statistics().unfinishedTasks).toBe(1);
  });

  it("rejects a key that returns something it cannot order", () => {
    const q = new PriorityQueue<{ p: unknown }>(0, { key: (x) => x.p as never });
    expect(() => q.putNowait({ p: {} })).toThrow(
      /cannot order an object \(\[object Object\]\) \(returned by key\)/,
    );
  });

  it("a comparator that throws leaves the heap unchanged, on put and on get", () => {
    let armed = false;
    const q = new PriorityQueue<number>(0, {
      compare: (a, b) => {
        if (armed) throw new Error("comparator failed");
        return a - b;
      },
    });
    for (const x of [5, 3, 8, 1, 9, 2]) q.putNowait(x);
    armed = true;
    expect(() => q.putNowait(0)).toThrow("comparator failed");
    expect(() => q.getNowait()).toThrow("comparator failed");
    armed = false;
    expect(q.qsize()).toBe(6);
    expect(drainNowait(q)).toEqual([1, 2, 3, 5, 8, 9]);
  });

  it("a key function that throws puts nothing", () => {
    const q = new PriorityQueue<number>(0, {
      key: (x) => {
        if (x < 0) throw new RangeError("negative");
        return x;
      },
    });
    expect(() => q.putNowait(-1)).toThrow(RangeError);
    expect(q.qsize()).toBe(0);
    expect(q.statistics().unfinishedTasks).toBe(0);
  });

  it("rejects bad options with TypeErrors naming the option", () => {
    expect(() => new PriorityQueue(0, { compare: 1 as never })).toThrow(
      /options\.compare must be a function/,
    );
    expect(() => new PriorityQueue(0, { key: "x" as never })).toThrow(
      /options\.key must be a function/,
    );
    expect(() => new PriorityQueue<number>(0, { key: (x) => x, compare: (a, b) => a - b })).toThrow(
      /not both/,
    );
    expect(() => new PriorityQueue(0, null as never)).toThrow(/options must be an object/);
    expect(() => new PriorityQueue(2.5)).toThrow(/PriorityQueue\(maxsize\)/);
  });

  it("waiting getters get items in priority order", () =>
    runVirtual(function* () {
      const q = new PriorityQueue<number>(2);
      const log: number[] = [];
      const consumer = createTask(
        (function* () {
          for (let i = 0; i < 5; i++) {
            log.push(yield* q.get());
            yield* sleep(10);
          }
        })(),
      );
      for (const x of [5, 4, 3, 2, 1]) yield* q.put(x);
      yield* consumer;
      // The consumer starts once 5 and 4 fill the queue: it takes 4, and each later get() finds
      // the item just put beside 5 (CPython 3.13 gives the same).
      expect(log).toEqual([4, 3, 2, 1, 5]);
    }));
});

describe("comparePriorities", () => {
  it("compares like Python: tuples element-wise, shorter first on a common prefix", () => {
    expect(comparePriorities([1, 2], [1, 3])).toBeLessThan(0);
    expect(comparePriorities([1], [1, 0])).toBeLessThan(0);
    expect(comparePriorities([2], [1, 9])).toBeGreaterThan(0);
    expect(comparePriorities("b", "a")).toBeGreaterThan(0);
    expect(comparePriorities(1, 1)).toBe(0);
  });

  it("lets values of kinds that cannot be ordered against each other tie", () => {
    expect(comparePriorities([1, { a: 1 }], [1, { b: 2 }])).toBe(0);
    expect(comparePriorities("1", 1)).toBe(0);
  });
});
