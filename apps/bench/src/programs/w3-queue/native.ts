// W3 on native promises: a hand-made bounded queue (maxsize 100) with async put/get; p producers
// put n items in all, c consumers get them.
import { check, now, params, program, report } from "../harness.js";

class BoundedQueue<T> {
  private items: T[] = [];
  private head = 0;
  private getters: (() => void)[] = [];
  private putters: (() => void)[] = [];
  constructor(private readonly maxsize: number) {}
  get size() {
    return this.items.length - this.head;
  }
  async put(item: T): Promise<void> {
    while (this.size >= this.maxsize) await new Promise<void>((r) => this.putters.push(r));
    this.items.push(item);
    this.getters.shift()?.();
  }
  async get(): Promise<T> {
    while (this.size === 0) await new Promise<void>((r) => this.getters.push(r));
    const item = this.items[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.putters.shift()?.();
    return item;
  }
}

program(async () => {
  const { n, producers = 1, consumers = 1 } = params();
  const t0 = now();
  const queue = new BoundedQueue<number>(100);
  async function producer(p: number) {
    for (let i = p; i < n; i += producers) await queue.put(i);
    return 0;
  }
  async function consumer() {
    let sum = 0;
    for (let k = 0; k < n / consumers; k++) sum += await queue.get();
    return sum;
  }
  const all = [];
  for (let p = 0; p < producers; p++) all.push(producer(p));
  for (let c = 0; c < consumers; c++) all.push(consumer());
  const sums = await Promise.all(all);
  const ms = now() - t0;
  const sum = sums.reduce((a, b) => a + b, 0);
  check(sum === (n * (n - 1)) / 2, `every item arrived exactly once (sum ${sum})`);
  report({ ms, ops: n });
});
