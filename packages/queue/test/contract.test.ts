// corio's own queues must pass the suite the testkit offers to other implementations, and the
// suite must fail queues broken on purpose.
import { contractFailures, queueContract } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { LifoQueue, PriorityQueue, Queue } from "../src/index.js";

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

describe("the queue suite catches broken queues", () => {
  it("fails a LIFO queue that claims to be FIFO", async () => {
    const failed = await contractFailures((api) =>
      queueContract(api, (maxsize) => new LifoQueue<number>(maxsize)),
    );
    expect(failed).toContain(
      "without waiting > getNowait() returns items in the order putNowait() added them",
    );
    expect(failed).toContain("waiting > put() waits while the queue is full (backpressure)");
  });

  it("fails a queue whose taskDone() never complains", async () => {
    class LaxQueue extends Queue<number> {
      override taskDone(): void {
        if (this.statistics().unfinishedTasks > 0) super.taskDone();
      }
    }
    expect(
      await contractFailures((api) => queueContract(api, (maxsize) => new LaxQueue(maxsize))),
    ).toEqual([
      "taskDone() and join() > taskDone() throws when called more times than items were put",
    ]);
  });
});
