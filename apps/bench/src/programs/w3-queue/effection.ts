// W3 on Effection 4: its own queue is unbounded, so a small bounded queue (maxsize 100) built on
// withResolvers; p producers put n items in all, c consumers get them.
import { all, type Operation, run, spawn, withResolvers } from "effection";
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
  *put(item: T): Operation<void> {
    while (this.size >= this.maxsize) {
      const { operation, resolve } = withResolvers<void>();
      this.putters.push(resolve);
      yield* operation;
    }
    this.items.push(item);
    this.getters.shift()?.();
  }
  *get(): Operation<T> {
    while (this.size === 0) {
      const { operation, resolve } = withResolvers<void>();
      this.getters.push(resolve);
      yield* operation;
    }
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
  const sums = await run(function* () {
    const queue = new BoundedQueue<number>(100);
    function* producer(p: number): Operation<number> {
      for (let i = p; i < n; i += producers) yield* queue.put(i);
      return 0;
    }
    function* consumer(): Operation<number> {
      let sum = 0;
      for (let k = 0; k < n / consumers; k++) sum += yield* queue.get();
      return sum;
    }
    const tasks = [];
    for (let p = 0; p < producers; p++) tasks.push(yield* spawn(() => producer(p)));
    for (let c = 0; c < consumers; c++) tasks.push(yield* spawn(consumer));
    return yield* all(tasks);
  });
  const ms = now() - t0;
  const sum = sums.reduce((a, b) => a + b, 0);
  check(sum === (n * (n - 1)) / 2, `every item arrived exactly once (sum ${sum})`);
  report({ ms, ops: n });
});
