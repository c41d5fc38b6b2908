import { describe, expect, it } from "vitest";
import { Deque } from "../src/deque.js";

describe("Deque (internal ring buffer)", () => {
  it("pushes and shifts in order across growth and wrap-around", () => {
    const d = new Deque<number>(4);
    const out: number[] = [];
    let n = 0;
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < (round % 6) + 1; i++) d.push(n++);
      for (let i = 0; i < round % 4 && d.size > 0; i++) out.push(d.shift());
    }
    while (d.size > 0) out.push(d.shift());
    expect(out).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it("pop takes from the back", () => {
    const d = new Deque<string>();
    d.push("a");
    d.push("b");
    expect(d.pop()).toBe("b");
    expect(d.toArray()).toEqual(["a"]);
  });

  it("removes from the front, the back and the middle, also when wrapped", () => {
    for (let offset = 0; offset < 8; offset++) {
      for (let target = 0; target < 6; target++) {
        const d = new Deque<number>(8);
        for (let i = 0; i < offset; i++) d.push(-1);
        for (let i = 0; i < offset; i++) d.shift();
        for (let i = 0; i < 6; i++) d.push(i);
        expect(d.remove(target)).toBe(true);
        expect(d.toArray()).toEqual([0, 1, 2, 3, 4, 5].filter((x) => x !== target));
        expect(d.remove(99)).toBe(false);
        d.push(6);
        expect(d.toArray().at(-1)).toBe(6);
      }
    }
  });

  it("clears and keeps no references", () => {
    const d = new Deque<object>();
    d.push({});
    d.push({});
    d.clear();
    expect(d.size).toBe(0);
    expect(d._buf.every((x) => x === undefined)).toBe(true);
    expect(d.peek()).toBeUndefined();
  });
});

describe("Deque memory", () => {
  it("halves a large buffer once it has drained, keeping order", () => {
    const d = new Deque<number>();
    for (let i = 0; i < 100_000; i++) d.push(i);
    const big = d._buf.length;
    const out: number[] = [];
    while (d.size > 10) out.push(d.shift());
    expect(d._buf.length).toBeLessThan(big / 8);
    expect(d._buf.length).toBeGreaterThanOrEqual(4096);
    while (d.size > 0) out.push(d.shift());
    expect(out).toEqual(Array.from({ length: 100_000 }, (_, i) => i));
  });
});
