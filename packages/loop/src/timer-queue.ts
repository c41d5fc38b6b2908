/**
 * The loop's timer queue: every armed timer, earliest deadline first, and the bookkeeping of
 * cancelled timers (dropped lazily, compacted once they are most of the queue).
 */
import type { TimerEntry } from "@corio/interfaces";
import { before, type Keyed, TimerHeap } from "./timer-heap.js";

// Compact once more than half the queued timers are cancelled (asyncio's rule), past a small size.
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;

/**
 * The timers scheduled with one whole-millisecond delay, in deadline order, linked through their
 * `timerNext` field. A delay list is sorted by construction: the loop's clock never goes back, so each
 * timer added with the same delay is due no earlier than the one before it, and has a larger seq.
 * While it is not empty, it sits in the queue's heap of lists, keyed by its first timer.
 */
class DelayList implements Keyed {
  first: TimerEntry | null = null;
  last: TimerEntry | null = null;
  /** The first timer's deadline, copied here as the list's key. */
  timerWhen = 0;
  /** The first timer's seq, copied here as the list's key. */
  timerSeq = 0;

  /** Makes `timer` the first one, or empties the list if it is null. */
  setFirst(timer: TimerEntry | null): void {
    this.first = timer;
    if (timer === null) {
      this.last = null;
    } else {
      this.timerWhen = timer.timerWhen;
      this.timerSeq = timer.timerSeq;
    }
  }
}

// Delay lists are kept for whole-millisecond delays up to this many ms, and at most this many of
// them; any other timer (a fractional delay, `callAt`, a deadline from a timeout) goes to the heap.
const MAX_LIST_DELAY = 1 << 20;
const MAX_LISTS = 4096;

/**
 * Every timer of a loop, earliest `(when, seq)` first.
 *
 * How it works: most timers come from `callLater(ms)` or `sleep(ms)` with a whole number of
 * milliseconds, and programs use few distinct delays. Timers with the same delay are due in the
 * order they were scheduled, so each delay gets a FIFO list, and a small heap orders the lists by
 * their first timer; taking the next timer sifts that small heap instead of a heap of every timer
 * (what Node's own timers do). The lists are linked through the timers themselves: an array per
 * delay was slower to fill, because arrays of a few thousand slots are copied by every young-
 * generation collection while they grow, where one pointer per timer is not. Timers that fit no
 * list — fractional delays, absolute deadlines, more distinct delays than `MAX_LISTS` — go to a
 * second `TimerHeap`, and the earlier of the two fronts is the next timer. Cancelled timers stay
 * until they reach the front, the timer before them in their list is taken, or the queue compacts
 * itself.
 */
export class TimerQueue {
  /** Cancelled timers still queued, waiting to be dropped. */
  cancelled = 0;
  private readonly heap = new TimerHeap<TimerEntry>();
  /** Lists by delay, including empty ones kept for reuse. */
  private readonly lists = new Map<number, DelayList>();
  /** The non-empty lists, by first timer. */
  private readonly listHeap = new TimerHeap<DelayList>();
  private listed = 0;

  /** How many timers are queued, cancelled ones included. */
  get size(): number {
    return this.heap.size + this.listed;
  }

  /**
   * Cancels a timer: drops its callback and, while it is still queued (`timerSeq` is not -1),
   * counts it until the queue drops it.
   */
  cancel(entry: TimerEntry): void {
    entry.callback = null;
    if (entry.timerSeq >= 0) this.cancelled++;
  }

  /**
   * Removes and returns the earliest live timer if it is due at `now`, dropping cancelled ones on
   * the way; marks it as out of the queue.
   */
  takeDue(now: number): TimerEntry | undefined {
    for (;;) {
      const top = this.popDue(now);
      if (top === undefined) return undefined;
      top.timerSeq = -1;
      if (top.callback !== null) return top;
      this.cancelled--;
    }
  }

  /** The earliest live timer, dropping cancelled ones from the front. */
  peekLive(): TimerEntry | undefined {
    for (;;) {
      const top = this.peek();
      if (top === undefined || top.callback !== null) return top;
      this.pop();
      top.timerSeq = -1;
      this.cancelled--;
    }
  }

  /** Drops the cancelled timers in O(n) once they are more than half of a large queue. */
  compactIfMostlyCancelled(): void {
    const size = this.size;
    if (
      size > MIN_SCHEDULED_TIMER_HANDLES &&
      this.cancelled / size > MIN_CANCELLED_TIMER_HANDLES_FRACTION
    ) {
      this.filter((t) => {
        if (t.callback !== null) return true;
        t.timerSeq = -1;
        return false;
      });
      this.cancelled = 0;
    }
  }

  /**
   * Adds a timer that was scheduled `delay` ms after the clock's current time. Its seq must be
   * larger than every queued timer's.
   */
  push(timer: TimerEntry, delay: number): void {
    const list =
      delay >= 0 && delay <= MAX_LIST_DELAY && (delay | 0) === delay
        ? this.listFor(delay)
        : undefined;
    if (list !== undefined) {
      const last = list.last;
      if (last === null) {
        list.setFirst(timer);
        list.last = timer;
        this.listed++;
        this.listHeap.push(list);
        return;
      }
      // Always true with a clock that never goes back; checked so the order can never break.
      if (last.timerWhen <= timer.timerWhen) {
        last.timerNext = timer;
        list.last = timer;
        this.listed++;
        return;
      }
    }
    this.heap.push(timer);
  }

  /** Adds a timer due at an absolute time. */
  pushAt(timer: TimerEntry): void {
    this.heap.push(timer);
  }

  /** The earliest timer, cancelled or not, without removing it. */
  private peek(): TimerEntry | undefined {
    return this.listIsNext() ? this.listHeap.peek()!.first! : this.heap.peek();
  }

  /** Removes the earliest timer (the one `peek()` returns). */
  private pop(): TimerEntry | undefined {
    return this.listIsNext() ? this.popList() : this.heap.pop();
  }

  /** Removes and returns the earliest timer (cancelled or not) if it is due at `now`. */
  private popDue(now: number): TimerEntry | undefined {
    if (this.listIsNext())
      return this.listHeap.peek()!.timerWhen <= now ? this.popList() : undefined;
    const top = this.heap.peek();
    return top !== undefined && top.timerWhen <= now ? this.heap.pop() : undefined;
  }

  /** Keeps only the timers for which `keep` is true, in O(n). */
  private filter(keep: (timer: TimerEntry) => boolean): void {
    this.heap.filter(keep);
    let listed = 0;
    this.listHeap.filter((list) => {
      let first: TimerEntry | null = null;
      let last: TimerEntry | null = null;
      for (let timer = list.first; timer !== null; ) {
        const next: TimerEntry | null = timer.timerNext;
        timer.timerNext = null;
        if (keep(timer)) {
          if (last === null) first = timer;
          else last.timerNext = timer;
          last = timer;
          listed++;
        }
        timer = next;
      }
      list.setFirst(first);
      list.last = last;
      return first !== null;
    });
    this.listed = listed;
    // Forget lists not used lately, so a program that used many delays once does not keep them.
    for (const [delay, list] of this.lists) if (list.first === null) this.lists.delete(delay);
  }

  /**
   * Empties the queue and returns every timer it held, in no particular order, each marked as out
   * of the queue.
   */
  clear(): TimerEntry[] {
    const all = this.heap.clear();
    for (const list of this.listHeap.clear()) {
      for (let timer = list.first; timer !== null; ) {
        const next: TimerEntry | null = timer.timerNext;
        timer.timerNext = null;
        all.push(timer);
        timer = next;
      }
    }
    this.lists.clear();
    this.listed = 0;
    this.cancelled = 0;
    for (const timer of all) timer.timerSeq = -1;
    return all;
  }

  /** The list for `delay`, made if there is room; undefined when there are too many delays. */
  private listFor(delay: number): DelayList | undefined {
    const lists = this.lists;
    let list = lists.get(delay);
    if (list !== undefined) return list;
    // Too many delays: forget the empty lists if that frees enough room to be worth it.
    if (lists.size >= MAX_LISTS && lists.size - this.listHeap.size >= MAX_LISTS >> 1) {
      for (const [d, l] of lists) if (l.first === null) lists.delete(d);
    }
    if (lists.size >= MAX_LISTS) return undefined;
    list = new DelayList();
    lists.set(delay, list);
    return list;
  }

  /** Whether the next timer is the first of a delay list rather than the heap's top. */
  private listIsNext(): boolean {
    const list = this.listHeap.peek();
    if (list === undefined) return false;
    const top = this.heap.peek();
    return top === undefined || before(list, top);
  }

  /** Removes the first timer of the list at the top of the list heap. */
  private popList(): TimerEntry {
    const list = this.listHeap.peek()!;
    const timer = list.first!;
    let next = timer.timerNext;
    timer.timerNext = null; // a taken timer must not keep the rest of its list alive
    this.listed--;
    // Cancelled timers right behind it are dropped now: reading `callback` and `timerNext` is all
    // they cost, where as the list's first timer they would cost a read of their deadline and a
    // sift of the heap of lists each.
    while (next !== null && next.callback === null) {
      const after: TimerEntry | null = next.timerNext;
      next.timerNext = null;
      next.timerSeq = -1;
      this.listed--;
      this.cancelled--;
      next = after;
    }
    list.setFirst(next);
    if (next === null) this.listHeap.pop();
    else this.listHeap.topChanged();
    return timer;
  }
}
