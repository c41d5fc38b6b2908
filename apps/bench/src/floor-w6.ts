// The W6 floor: the bare shape of corio's timer queue with no loop at all. n timers at random whole
// delays of 0-100 ms, each a six-field object (callback, context, owner, deadline, seq, next) with
// a closure of its own, filed in one FIFO list per delay with a binary min-heap of the lists
// ordered by their first timer; every other one cancelled by dropping its callback; then all of
// them taken in (deadline, seq) order (cancelled ones skipped as their list moves on) and the live
// ones called. What it leaves out: the loop, the ready queue, the host timer, and the real
// 0-100 ms wait both programs of W6 pay.
import { performance } from "node:perf_hooks";

class BareTimer {
  next: BareTimer | null = null;
  ctx: unknown = null;
  constructor(
    public callback: (() => void) | null,
    readonly owner: unknown,
    readonly when: number,
    readonly seq: number,
  ) {}
}

class BareList {
  first: BareTimer | null = null;
  last: BareTimer | null = null;
}

/** A binary min-heap of lists by their first timer's (when, seq). */
function siftDown(heap: BareList[], i: number): void {
  const n = heap.length;
  const item = heap[i]!;
  const key = item.first!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    let ck = heap[c]!.first!;
    if (c + 1 < n) {
      const rk = heap[c + 1]!.first!;
      if (rk.when < ck.when || (rk.when === ck.when && rk.seq < ck.seq)) {
        c++;
        ck = rk;
      }
    }
    if (key.when < ck.when || (key.when === ck.when && key.seq < ck.seq)) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = item;
}

function siftUp(heap: BareList[], i: number): void {
  const item = heap[i]!;
  const key = item.first!;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const pk = heap[p]!.first!;
    if (pk.when < key.when || (pk.when === key.when && pk.seq < key.seq)) break;
    heap[i] = heap[p]!;
    i = p;
  }
  heap[i] = item;
}

/** Milliseconds to schedule n timers, cancel every other one, and fire the rest in order. */
export function w6Floor(n: number, random: () => number): number {
  const owner = {};
  const lists = new Map<number, BareList>();
  const heap: BareList[] = [];
  let fired = 0;
  let wrong = 0;
  const fire = (i: number) => {
    if (i & 1) wrong++;
    fired++;
  };
  const t0 = performance.now();
  const origin = performance.now();
  const timers: BareTimer[] = [];
  for (let i = 0; i < n; i++) {
    const delay = Math.floor(random() * 101);
    const t = new BareTimer(() => fire(i), owner, performance.now() - origin + delay, i);
    let list = lists.get(delay);
    if (list === undefined) lists.set(delay, (list = new BareList()));
    if (list.last === null) {
      list.first = list.last = t;
      heap.push(list);
      siftUp(heap, heap.length - 1);
    } else {
      list.last.next = t;
      list.last = t;
    }
    timers.push(t);
  }
  for (let i = 1; i < n; i += 2) timers[i]!.callback = null;
  let lastWhen = Number.NEGATIVE_INFINITY;
  while (heap.length > 0) {
    const list = heap[0]!;
    const t = list.first!;
    if (t.when < lastWhen) throw new Error("W6 floor: out of order");
    lastWhen = t.when;
    let next = t.next;
    t.next = null;
    while (next !== null && next.callback === null) {
      const after: BareTimer | null = next.next;
      next.next = null;
      next = after;
    }
    if (next === null) {
      list.first = list.last = null;
      const tail = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = tail;
        siftDown(heap, 0);
      }
    } else {
      list.first = next;
      siftDown(heap, 0);
    }
    const callback = t.callback;
    if (callback !== null) callback();
  }
  const ms = performance.now() - t0;
  if (fired !== n - (n >> 1) || wrong !== 0) throw new Error("W6 floor: wrong timers fired");
  return ms;
}
