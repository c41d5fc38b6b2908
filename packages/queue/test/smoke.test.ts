import { getRunningLoop } from "@corio/interfaces";
import { createTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { expect, it } from "vitest";
import { Queue } from "../src/index.js";

it("smoke: producer and consumer through a bounded queue", () =>
  runVirtual(function* () {
    const queue = new Queue<number>(2);
    const got: number[] = [];
    const consumer = createTask(
      (function* () {
        for (let i = 0; i < 10; i++) {
          got.push(yield* queue.get());
          yield* sleep(10);
          queue.taskDone();
        }
      })(),
    );
    for (let i = 0; i < 10; i++) yield* queue.put(i);
    yield* queue.join();
    yield* consumer;
    expect(got).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(getRunningLoop().time()).toBe(100);
  }));
