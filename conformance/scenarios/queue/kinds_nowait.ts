// FIFO, LIFO and priority order with the non-blocking calls; QueueEmpty and QueueFull.
import { LifoQueue, PriorityQueue, Queue, QueueEmpty, QueueFull } from "corio";
import { ename, print } from "../../harness/trace.js";

export default function* main() {
  const kinds: [string, Queue<[number, string]>][] = [
    ["fifo", new Queue()],
    ["lifo", new LifoQueue()],
    ["priority", new PriorityQueue()],
  ];
  for (const [name, q] of kinds) {
    for (const item of [
      [3, "c"],
      [1, "a"],
      [4, "d"],
      [2, "b"],
    ] as [number, string][]) {
      q.putNowait(item);
    }
    print(name, "qsize", q.qsize(), "empty", q.empty(), "full", q.full());
    print(
      name,
      "order",
      [0, 1, 2, 3].map(() => q.getNowait()[1]),
    );
    try {
      q.getNowait();
    } catch (e) {
      if (!(e instanceof QueueEmpty)) throw e;
      print(name, "get_nowait on empty:", ename(e));
    }
  }
  const bounded = new Queue<string>(2);
  bounded.putNowait("x");
  bounded.putNowait("y");
  print("bounded maxsize", bounded.maxsize, "full", bounded.full());
  try {
    bounded.putNowait("z");
  } catch (e) {
    if (!(e instanceof QueueFull)) throw e;
    print("put_nowait on full:", ename(e));
  }
  const unbounded = new Queue<number>(0);
  for (let i = 0; i < 100; i++) unbounded.putNowait(i);
  print("maxsize 0 is unbounded:", unbounded.full(), unbounded.qsize());
}
