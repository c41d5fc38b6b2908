import { getTaskHost, type TimerEntry } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { EventLoop } from "../src/index.js";

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Scheduled {
  id: number;
  when: number;
  cancelled: boolean;
}

// The timer queue files whole-millisecond delays in per-delay lists and everything else (fractional
// delays, callAt) in a heap. Whatever mix a program uses, timers must run by (when, scheduling
// order), and cancelled ones never.
describe("timer queue order", () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`runs a random mix of callLater/callAt/cancel in (when, seq) order (seed ${seed})`, () => {
      const random = prng(seed);
      const loop = new EventLoop({ clock: "manual" });
      const all: Scheduled[] = [];
      const handles: { cancel(): void }[] = [];
      const ran: number[] = [];
      const ranSet = new Set<number>();
      const schedule = () => {
        const id = all.length;
        const r = random();
        const kind = random();
        let entry: Scheduled;
        let handle: { cancel(): void };
        if (kind < 0.6) {
          const delay = Math.floor(r * 20); // few distinct delays: shared lists, many ties
          entry = { id, when: loop.time() + delay, cancelled: false };
          handle = loop.callLater(delay, () => {
            ran.push(id);
            ranSet.add(id);
          });
        } else if (kind < 0.8) {
          const delay = r * 20; // fractional: goes to the heap
          entry = { id, when: loop.time() + delay, cancelled: false };
          handle = loop.callLater(delay, () => {
            ran.push(id);
            ranSet.add(id);
          });
        } else {
          const when = loop.time() + Math.floor(r * 20); // absolute: heap, ties with lists
          entry = { id, when, cancelled: false };
          handle = loop.callAt(when, () => {
            ran.push(id);
            ranSet.add(id);
          });
        }
        all.push(entry);
        handles.push(handle);
      };
      for (let step = 0; step < 60; step++) {
        const adds = Math.floor(random() * 200);
        for (let k = 0; k < adds; k++) schedule();
        const cancels = Math.floor(random() * 150);
        for (let k = 0; k < cancels; k++) {
          const i = Math.floor(random() * all.length);
          // Cancelling a timer that already ran changes nothing about the run.
          if (!ranSet.has(i)) all[i]!.cancelled = true;
          handles[i]!.cancel();
        }
        loop.advance(Math.floor(random() * 8));
      }
      loop.advance(100);
      // Exactly the timers not cancelled before they were due ran, each once...
      expect(ranSet.size).toBe(ran.length);
      expect([...ranSet].sort((a, b) => a - b)).toEqual(
        all.filter((e) => !e.cancelled).map((e) => e.id),
      );
      // ...and in (when, seq) order.
      const order = [...ran].sort((a, b) => all[a]!.when - all[b]!.when || a - b);
      expect(ran).toEqual(order);
      expect(loop.statistics()).toMatchObject({ timers: 0, cancelledTimers: 0 });
      loop.close();
    });
  }

  it("counts live and cancelled timers across lists and heap, and compacts them", () => {
    const loop = new EventLoop({ clock: "manual" });
    const hs = [];
    for (let i = 0; i < 400; i++)
      hs.push(loop.callLater(i % 3 === 0 ? i + 0.5 : 1 + (i % 7), () => {}));
    expect(loop.statistics()).toMatchObject({ timers: 400, cancelledTimers: 0 });
    for (let i = 0; i < 300; i++) hs[i]!.cancel();
    hs[0]!.cancel(); // twice: counted once
    expect(loop.statistics()).toMatchObject({ timers: 100, cancelledTimers: 300 });
    loop.callSoon(() => {}); // so advance(0) runs an iteration...
    loop.advance(0); // ...which compacts the queue (more than half cancelled)
    expect(loop.statistics()).toMatchObject({ timers: 100, cancelledTimers: 0 });
    loop.advance(1000);
    expect(loop.statistics()).toMatchObject({ timers: 0, cancelledTimers: 0 });
    hs[399]!.cancel(); // after it ran: cancelled() says so, nothing is counted
    expect(hs[399]!.cancelled()).toBe(true);
    expect(loop.statistics()).toMatchObject({ timers: 0, cancelledTimers: 0 });
  });

  it("close() cancels timers from every delay list and the heap", () => {
    const loop = new EventLoop({ clock: "manual" });
    const hs = [
      loop.callLater(5, () => {}),
      loop.callLater(5.5, () => {}),
      loop.callAt(9, () => {}),
    ];
    loop.close();
    for (const h of hs) expect(h.cancelled()).toBe(true);
    expect(loop.statistics()).toMatchObject({
      timers: 0,
      cancelledTimers: 0,
      hostTimerArmed: false,
    });
  });

  it("keeps order when many distinct delays overflow the delay lists", () => {
    const loop = new EventLoop({ clock: "manual" });
    const ran: number[] = [];
    const whens: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const delay = (i * 7919) % 9000;
      whens.push(delay);
      loop.callLater(delay, () => ran.push(i));
    }
    loop.advance(10_000);
    const order = whens.map((_, i) => i).sort((a, b) => whens[a]! - whens[b]! || a - b);
    expect(ran).toEqual(order);
  });
});

// Cancelling timers of a delay list while it is being drained: cancelled ones are dropped as their
// list moves on (never run, never counted twice), and the rest runs in exact (when, seq) order.
describe("cancelling timers of a delay list", () => {
  it("drops cancelled timers behind a fired one as its list moves on", () => {
    const loop = new EventLoop({ clock: "manual" });
    const log: string[] = [];
    const hs = ["a", "b", "c", "d", "e"].map((name) => {
      const h = loop.callLater(10, () => log.push(`${name}@${loop.time()}`));
      loop.advance(1); // each one ms later: the same list, deadlines 10..14
      return h;
    });
    const other = loop.callLater(7.5, () => log.push(`heap@${loop.time()}`)); // due 12.5
    hs[1]!.cancel();
    hs[2]!.cancel();
    hs[4]!.cancel();
    expect(loop.statistics()).toMatchObject({ timers: 3, cancelledTimers: 3 });
    loop.advance(5); // a runs at 10; b and c, right behind it, leave with it
    expect(log).toEqual(["a@10"]);
    expect(loop.statistics()).toMatchObject({ timers: 2, cancelledTimers: 1 });
    hs[3]!.cancel(); // d is now the first of its list: it stays until it reaches the front
    expect(loop.statistics()).toMatchObject({ timers: 1, cancelledTimers: 2 });
    loop.advance(20);
    expect(log).toEqual(["a@10", "heap@12.5"]);
    expect(loop.statistics()).toMatchObject({ timers: 0, cancelledTimers: 0 });
    expect(hs.map((h) => h.cancelled())).toEqual([false, true, true, true, true]);
    expect(other.cancelled()).toBe(false);
    loop.close();
  });

  it("drops cancelled entries of the task host (a sleep) the same way", () => {
    const loop = new EventLoop({ clock: "manual" });
    const host = getTaskHost(loop)!;
    const log: string[] = [];
    const entry = (name: string): TimerEntry => ({
      timerWhen: 0,
      timerSeq: -1,
      timerNext: null,
      callback: true,
      runTimer() {
        log.push(`${name}@${loop.time()}`);
      },
    });
    const s1 = entry("s1");
    const s2 = entry("s2");
    const h1 = loop.callLater(10, () => log.push(`h1@${loop.time()}`));
    host.startTimer(s1, 10);
    loop.advance(1);
    host.startTimer(s2, 10);
    const h2 = loop.callLater(10, () => log.push(`h2@${loop.time()}`));
    host.cancelTimer(s1);
    host.cancelTimer(s2);
    expect(loop.statistics()).toMatchObject({ timers: 2, cancelledTimers: 2 });
    loop.advance(9); // h1 runs at 10; s1 and s2, right behind it, leave with it
    expect(loop.statistics()).toMatchObject({ timers: 1, cancelledTimers: 0 });
    loop.advance(10);
    expect(log).toEqual(["h1@10", "h2@11"]);
    expect([s1.timerSeq, s2.timerSeq, s1.timerNext, s2.timerNext]).toEqual([-1, -1, null, null]);
    expect(h1.cancelled() || h2.cancelled()).toBe(false);
    loop.close();
  });

  it("a timer cancelled by another due in the same iteration is skipped", () => {
    const loop = new EventLoop({ clock: "manual" });
    const log: string[] = [];
    const hs: { cancel(): void }[] = [];
    for (const name of ["a", "b", "c"]) {
      hs.push(
        loop.callLater(5, () => {
          log.push(name);
          if (name === "a") hs[1]!.cancel();
        }),
      );
    }
    loop.advance(5);
    expect(log).toEqual(["a", "c"]);
    expect(loop.statistics()).toMatchObject({ timers: 0, cancelledTimers: 0 });
    loop.close();
  });

  it("close() after cancels in the middle of lists cancels the rest", () => {
    const loop = new EventLoop({ clock: "manual" });
    const hs = Array.from({ length: 50 }, (_, i) => loop.callLater(1 + (i % 3), () => {}));
    for (let i = 5; i < 45; i += 2) hs[i]!.cancel();
    loop.close();
    expect(hs.every((h) => h.cancelled())).toBe(true);
    expect(loop.statistics()).toMatchObject({ timers: 0, cancelledTimers: 0 });
  });

  for (const seed of [11, 12, 13, 14]) {
    it(`timers cancelling random others from their callbacks still run in (when, seq) order (seed ${seed})`, () => {
      const random = prng(seed);
      const loop = new EventLoop({ clock: "manual" });
      const whens: number[] = [];
      const cancelled: boolean[] = [];
      const handles: { cancel(): void }[] = [];
      const ran: number[] = [];
      const ranSet = new Set<number>();
      const cancelSome = () => {
        for (let k = Math.floor(random() * 3); k > 0; k--) {
          const i = Math.floor(random() * handles.length);
          if (!ranSet.has(i)) cancelled[i] = true;
          handles[i]!.cancel();
        }
      };
      const schedule = () => {
        const id = handles.length;
        const delay = Math.floor(random() * 8); // few delays: long shared lists
        whens.push(loop.time() + delay);
        cancelled.push(false);
        handles.push(
          loop.callLater(delay, () => {
            ran.push(id);
            ranSet.add(id);
            cancelSome();
            if (random() < 0.3) schedule();
          }),
        );
      };
      for (let step = 0; step < 40; step++) {
        for (let k = Math.floor(random() * 60); k > 0; k--) schedule();
        cancelSome();
        loop.advance(Math.floor(random() * 4));
      }
      loop.advance(100);
      const live = whens.map((_, i) => i).filter((i) => !cancelled[i]);
      expect([...ranSet].sort((a, b) => a - b)).toEqual(live);
      expect(ran).toEqual([...ran].sort((a, b) => whens[a]! - whens[b]! || a - b));
      expect(loop.statistics()).toMatchObject({ timers: 0, cancelledTimers: 0 });
      loop.close();
    });
  }
});
