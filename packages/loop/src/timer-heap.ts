/**
 * A binary min-heap of timer entries (or of anything keyed the same way), earliest deadline first;
 * the timer queue (`timer-queue.ts`) is built from two of them.
 */
import type { TimerEntry } from "@corio/interfaces";

/** What the heaps order by: a deadline, and a scheduling order that breaks ties. */
export interface Keyed {
  timerWhen: number;
  timerSeq: number;
}

/** Whether `a` is due before `b`: earlier deadline, or the same and scheduled first. */
export function before(a: Keyed, b: Keyed): boolean {
  return a.timerWhen < b.timerWhen || (a.timerWhen === b.timerWhen && a.timerSeq < b.timerSeq);
}

/**
 * A binary min-heap of timers ordered by `(when, seq)`. Cancelled timers stay until they reach the
 * top or the timer queue compacts the heap, so cancelling is O(1).
 *
 * How it works: the deadlines live in a parallel array of plain numbers beside the handles, so
 * sifting compares numbers packed next to each other instead of loading a handle object from
 * somewhere in the heap at every step; a handle is only read to break a tie (equal deadlines run in
 * scheduling order). With a million timers the comparisons are most of the work, and cache misses
 * were most of that.
 */
export class TimerHeap<T extends Keyed = TimerEntry> {
  private items: T[] = [];
  private whens: number[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  /**
   * Adds `timer`. Its seq must be larger than that of every item with the same deadline already
   * in the heap (true of anything just scheduled), so a tie never moves it up.
   */
  push(timer: T): void {
    const items = this.items;
    const whens = this.whens;
    const when = timer.timerWhen;
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

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    const lastWhen = this.whens.pop();
    if (items.length > 0 && last !== undefined) this.siftDown(0, last, lastWhen!);
    return top;
  }

  /** Keeps only the timers for which `keep` is true, then restores heap order in O(n). */
  filter(keep: (timer: T) => boolean): void {
    this.items = this.items.filter(keep);
    this.whens = this.items.map((t) => t.timerWhen);
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) {
      this.siftDown(i, this.items[i]!, this.whens[i]!);
    }
  }

  /** Restores heap order after the top item's key grew (its `timerWhen`, then `timerSeq`). */
  topChanged(): void {
    const top = this.items[0];
    if (top !== undefined) this.siftDown(0, top, top.timerWhen);
  }

  clear(): T[] {
    const items = this.items;
    this.items = [];
    this.whens = [];
    return items;
  }

  private siftDown(i: number, timer: T, when: number): void {
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
        if (rw < cw || (rw === cw && items[right]!.timerSeq < items[child]!.timerSeq)) {
          child = right;
          cw = rw;
        }
      }
      if (cw > when || (cw === when && items[child]!.timerSeq > timer.timerSeq)) break;
      items[i] = items[child]!;
      whens[i] = cw;
      i = child;
    }
    items[i] = timer;
    whens[i] = when;
  }
}
