/**
 * What the timer queue holds: a `TimerEntry`, or an object that is its own timer (a sleep's
 * future), so a sleep costs one object instead of two.
 *
 * @internal
 */
export interface TimerEntry {
  /** The loop time (ms) at which the entry is due. */
  _when: number;
  /** Scheduling order, for equal deadlines; -1 once the entry has left the queue. */
  _seq: number;
  /** Null once cancelled; the queue skips such entries. */
  _callback: unknown;
  /** The next entry of the same delay list, or null (see `TimerQueue`). */
  _next: TimerEntry | null;
  /** Called from the ready queue once the entry is due. */
  _run(): void;
}

/** What the heaps order by: a deadline, and a scheduling order that breaks ties. */
interface Keyed {
  _when: number;
  _seq: number;
}

/** Whether `a` is due before `b`: earlier deadline, or the same and scheduled first. */
function before(a: Keyed, b: Keyed): boolean {
  return a._when < b._when || (a._when === b._when && a._seq < b._seq);
}

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
    this.whens = this.items.map((t) => t._when);
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) {
      this.siftDown(i, this.items[i]!, this.whens[i]!);
    }
  }

  /** Restores heap order after the top item's key grew (its `_when`, then `_seq`). */
  topChanged(): void {
    const top = this.items[0];
    if (top !== undefined) this.siftDown(0, top, top._when);
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

/**
 * The timers scheduled with one whole-millisecond delay, in deadline order, linked through their
 * `_next` field. A delay list is sorted by construction: the loop's clock never goes back, so each
 * timer added with the same delay is due no earlier than the one before it, and has a larger seq.
 * While it is not empty, it sits in the queue's heap of lists, keyed by its first timer.
 */
class DelayList implements Keyed {
  first: TimerEntry | null = null;
  last: TimerEntry | null = null;
  /** The first timer's deadline, copied here as the list's key. */
  _when = 0;
  /** The first timer's seq, copied here as the list's key. */
  _seq = 0;

  /** Makes `timer` the first one, or empties the list if it is null. */
  setFirst(timer: TimerEntry | null): void {
    this.first = timer;
    if (timer === null) {
      this.last = null;
    } else {
      this._when = timer._when;
      this._seq = timer._seq;
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
 * until they reach the front or the loop compacts the queue, as before.
 */
export class TimerQueue {
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
      if (last._when <= timer._when) {
        last._next = timer;
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
  peek(): TimerEntry | undefined {
    return this.listIsNext() ? this.listHeap.peek()!.first! : this.heap.peek();
  }

  /** Removes the earliest timer (the one `peek()` returns). */
  pop(): TimerEntry | undefined {
    return this.listIsNext() ? this.popList() : this.heap.pop();
  }

  /** Removes and returns the earliest timer (cancelled or not) if it is due at `now`. */
  popDue(now: number): TimerEntry | undefined {
    if (this.listIsNext()) return this.listHeap.peek()!._when <= now ? this.popList() : undefined;
    const top = this.heap.peek();
    return top !== undefined && top._when <= now ? this.heap.pop() : undefined;
  }

  /** Keeps only the timers for which `keep` is true, in O(n). */
  filter(keep: (timer: TimerEntry) => boolean): void {
    this.heap.filter(keep);
    let listed = 0;
    this.listHeap.filter((list) => {
      let first: TimerEntry | null = null;
      let last: TimerEntry | null = null;
      for (let timer = list.first; timer !== null; ) {
        const next: TimerEntry | null = timer._next;
        timer._next = null;
        if (keep(timer)) {
          if (last === null) first = timer;
          else last._next = timer;
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

  /** Empties the queue and returns every timer it held, in no particular order. */
  clear(): TimerEntry[] {
    const all = this.heap.clear();
    for (const list of this.listHeap.clear()) {
      for (let timer = list.first; timer !== null; ) {
        const next: TimerEntry | null = timer._next;
        timer._next = null;
        all.push(timer);
        timer = next;
      }
    }
    this.lists.clear();
    this.listed = 0;
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
    const next = timer._next;
    timer._next = null; // a taken timer must not keep the rest of its list alive
    this.listed--;
    list.setFirst(next);
    if (next === null) this.listHeap.pop();
    else this.listHeap.topChanged();
    return timer;
  }
}
