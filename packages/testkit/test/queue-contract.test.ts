// corio's own queues must pass the suite the testkit offers to other implementations. The queue
// package is imported by path, not declared as a dependency: @corio/queue may use the testkit in
// its own tests, and a dependency both ways would be a cycle for turbo.
import { describe, it } from "vitest";
import { LifoQueue, PriorityQueue, Queue } from "../../queue/src/index.js";
import { queueContract } from "../src/index.js";

queueContract({ describe, it }, (maxsize) => new Queue<number>(maxsize), {
  name: "@corio/queue Queue",
});
queueContract({ describe, it }, (maxsize) => new LifoQueue<number>(maxsize), {
  name: "@corio/queue LifoQueue",
  fifo: false,
});
queueContract({ describe, it }, (maxsize) => new PriorityQueue<number>(maxsize), {
  name: "@corio/queue PriorityQueue",
  fifo: false,
});
