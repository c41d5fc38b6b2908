import type { TimerHandle } from "./handles.js";

/** True if `a` is due before `b`: earlier deadline first, then scheduling order (FIFO). */
function before(a: TimerHandle, b: TimerHandle): boolean {
  return a._when < b._when || (a._when === b._when && a._seq < b._seq);
}

/**
 * A binary min-heap of timers ordered by `(when, seq)`. Cancelled timers stay until they reach the
 * top or the loop rebuilds the heap (see `EventLoop`), so cancelling is O(1).
 */
export class TimerHeap {
  items: TimerHandle[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): TimerHandle | undefined {
    return this.items[0];
  }

  push(timer: TimerHandle): void {
    const items = this.items;
    let i = items.length;
    items.push(timer);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!before(timer, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = timer;
  }

  pop(): TimerHandle | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) this.siftDown(0, last);
    return top;
  }

  /** Keeps only the timers for which `keep` is true, then restores heap order in O(n). */
  filter(keep: (timer: TimerHandle) => boolean): void {
    this.items = this.items.filter(keep);
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.siftDown(i, this.items[i]!);
  }

  clear(): TimerHandle[] {
    const items = this.items;
    this.items = [];
    return items;
  }

  private siftDown(i: number, timer: TimerHandle): void {
    const items = this.items;
    const n = items.length;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && before(items[right]!, items[child]!)) child = right;
      const c = items[child]!;
      if (!before(c, timer)) break;
      items[i] = c;
      i = child;
    }
    items[i] = timer;
  }
}
