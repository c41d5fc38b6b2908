/**
 * The loop's FIFO of callbacks to run: a growable ring buffer of `(fn, a, b)` triples packed in one
 * array, so scheduling a task step or a future's done callback allocates nothing. The second
 * argument lets a done callback travel with its future (`fn(callback, future)`) instead of inside a
 * handle object made for it; with 200k tasks finishing in one iteration, those handles were 200k
 * objects living long enough to be copied by the garbage collector.
 */
export class ReadyQueue {
  private slots: unknown[];
  private head = 0;
  private mask: number;
  /** Number of entries queued. */
  length = 0;

  constructor(capacity = 1024) {
    this.slots = new Array(capacity * 3);
    this.mask = capacity - 1;
  }

  push<A, B>(fn: (a: A, b: B) => void, a: A, b?: B): void {
    if (this.length > this.mask) this.grow();
    const i = ((this.head + this.length) & this.mask) * 3;
    const slots = this.slots;
    slots[i] = fn;
    slots[i + 1] = a;
    slots[i + 2] = b;
    this.length++;
  }

  /** Removes the first entry and calls it. The caller checks `length` first. */
  runFirst(): void {
    const h = this.head;
    const i = h * 3;
    const slots = this.slots;
    const fn = slots[i] as (a: unknown, b: unknown) => void;
    const a = slots[i + 1];
    const b = slots[i + 2];
    slots[i] = undefined;
    slots[i + 1] = undefined;
    slots[i + 2] = undefined;
    this.head = (h + 1) & this.mask;
    this.length--;
    fn(a, b);
  }

  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.length = 0;
  }

  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    // Left holey: every slot is written before it is read. Filling it with undefined went through
    // the generic runtime builtin, about 55 instructions per slot (8% of spawning a task in W1).
    const slots: unknown[] = new Array(capacity * 3);
    const old = this.slots;
    for (let k = 0; k < this.length; k++) {
      const j = ((this.head + k) & this.mask) * 3;
      slots[k * 3] = old[j];
      slots[k * 3 + 1] = old[j + 1];
      slots[k * 3 + 2] = old[j + 2];
    }
    this.slots = slots;
    this.head = 0;
    this.mask = capacity - 1;
  }
}
