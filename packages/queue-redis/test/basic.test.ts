import { run } from "@corio/task";
import { describe, expect, inject, it } from "vitest";
import { openRedisQueue } from "../src/index.js";

const url = inject("redisUrl");
let n = 0;
const key = () => `basic-${process.pid}-${n++}`;

describe("RedisQueue basics", () => {
  it("put() then get() round-trips an item through Redis", async () => {
    const out = await run(
      (function* () {
        const q = yield* openRedisQueue<{ a: number }>({ key: key(), redis: url });
        yield* q.put({ a: 1 });
        const got = yield* q.get();
        q.taskDone();
        yield* q.join();
        yield* q.close();
        return got;
      })(),
    );
    expect(out).toEqual({ a: 1 });
  });
});
