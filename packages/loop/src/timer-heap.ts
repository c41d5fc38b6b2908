import type { TimerHandle } from "./handles.js";

/**
 * A binary min-heap of timers ordered by `(when, seq)`. Cancelled timers stay until they reach the
 * top or the loop rebuilds the heap (see `EventLoop`), so cancelling is O(1).
 *
 * How it works: the deadlines live in a parallel array of plain numbers beside the handles, so
 * sifting compares numbers packed next to each other instead of loading a handle object from
 * somewhere in the heap at every step; a handle is only read to break a tie (equal deadlines run in
 * scheduling order). With a million timers the comparisons are most of the work, and cache misses
 * were most of that.
 */
export class TimerHeap {
  private items: TimerHandle[] = [];
  private whens: number[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): TimerHandle | undefined {
    return this.items[0];
  }

  push(timer: TimerHandle): void {
    const items = this.items;
    const whens = this.whens;
    const when = timer._when;
    let i = items.length;
    items.push(timer);
    whens.push(when);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pw = whens[parent]!;
      // Equal deadlines: the one pushed later has the larger seq, so it stays below.
      if (pw <= when) break;
      items[i] = items[parent]!;
      whens[i] = pw;
      i = parent;
    }
    items[i] = timer;
    whens[i] = when;
  }

  pop(): TimerHandle | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    const lastWhen = this.whens.pop();
    if (items.length > 0 && last !== undefined) this.siftDown(0, last, lastWhen!);
    return top;
  }

  /** Keeps only the timers for which `keep` is true, then restores heap order in O(n). */
  filter(keep: (timer: TimerHandle) => boolean): void {
    this.items = this.items.filter(keep);
    this.whens = this.items.map((t) => t._when);
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) {
      this.siftDown(i, this.items[i]!, this.whens[i]!);
    }
  }

  clear(): TimerHandle[] {
    const items = this.items;
    this.items = [];
    this.whens = [];
    return items;
  }

  private siftDown(i: number, timer: TimerHandle, when: number): void {
    const items = this.items;
    const whens = this.whens;
    const n = items.length;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let cw = whens[child]!;
      const right = child + 1;
      if (right < n) {
        const rw = whens[right]!;
        if (rw < cw || (rw === cw && items[right]!._seq < items[child]!._seq)) {
          child = right;
          cw = rw;
        }
      }
      if (cw > when || (cw === when && items[child]!._seq > timer._seq)) break;
      items[i] = items[child]!;
      whens[i] = cw;
      i = child;
    }
    items[i] = timer;
    whens[i] = when;
  }
}
