/**
 * The loop's FIFO of callbacks to run: a growable ring buffer of `(fn, arg)` pairs kept in two
 * parallel arrays, so scheduling a task step or a future callback allocates nothing.
 */
export class ReadyQueue {
  private fns: (((arg: any) => void) | undefined)[];
  private args: unknown[];
  private head = 0;
  private mask: number;
  /** Number of entries queued. */
  length = 0;

  constructor(capacity = 1024) {
    this.fns = new Array(capacity).fill(undefined);
    this.args = new Array(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  push<A>(fn: (arg: A) => void, arg: A): void {
    if (this.length > this.mask) this.grow();
    const i = (this.head + this.length) & this.mask;
    this.fns[i] = fn;
    this.args[i] = arg;
    this.length++;
  }

  /** Removes the first entry and calls it. The caller checks `length` first. */
  runFirst(): void {
    const i = this.head;
    const fn = this.fns[i]!;
    const arg = this.args[i];
    this.fns[i] = undefined;
    this.args[i] = undefined;
    this.head = (i + 1) & this.mask;
    this.length--;
    fn(arg);
  }

  clear(): void {
    this.fns.fill(undefined);
    this.args.fill(undefined);
    this.head = 0;
    this.length = 0;
  }

  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    const fns: (((arg: any) => void) | undefined)[] = new Array(capacity).fill(undefined);
    const args: unknown[] = new Array(capacity).fill(undefined);
    for (let k = 0; k < this.length; k++) {
      const j = (this.head + k) & this.mask;
      fns[k] = this.fns[j];
      args[k] = this.args[j];
    }
    this.fns = fns;
    this.args = args;
    this.head = 0;
    this.mask = capacity - 1;
  }
}
