// read(n), readexactly(n) and drain() are small iterators rather than generators (the per-message
// path of a request/response protocol): they must still behave as coroutines do. Lazy until first
// stepped, usable as a task's coroutine, and when abandoned while waiting they stop waiting and
// keep every byte.
import { PassThrough } from "node:stream";
import { isCoroutine } from "@corio/interfaces";
import { createTask } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import { StreamReader, writerFromStream } from "../src/index.js";

const b = (s: string) => Buffer.from(s);

describe("read and drain operations behave as coroutines", () => {
  it("are coroutines a task accepts, and look at the stream only when first stepped", () =>
    runVirtual(function* () {
      const reader = new StreamReader();
      const ops = [reader.read(4), reader.readexactly(2), reader.read()];
      expect(ops.map((op) => isCoroutine(op))).toEqual([true, true, true]);
      // Made before the bytes arrived, stepped after: no wait.
      const early = reader.readexactly(2);
      reader.feedData(b("abcd"));
      const log: string[] = [`early: ${(yield* early).toString()}`];
      // Made while all was well, stepped after the stream failed: the failure.
      const late = reader.read(10);
      reader.setException(new Error("peer vanished"));
      try {
        yield* late;
      } catch (error) {
        log.push(`late: ${(error as Error).message}`);
      }
      expect(log).toEqual(["early: ab", "late: peer vanished"]);
      // The task-made coroutines never ran, so they never waited.
      expect(reader.statistics().waiting).toBe(false);
    }));

  it("a read abandoned while waiting (return()) stops waiting and leaves the bytes buffered", () =>
    runVirtual(function* () {
      const reader = new StreamReader();
      function* wrapper() {
        return yield* reader.readexactly(3);
      }
      const coro = wrapper();
      const first = coro.next();
      const log: string[] = [`done: ${first.done}, waiting: ${reader.statistics().waiting}`];
      reader.feedData(b("xy"));
      coro.return(b(""));
      log.push(`waiting after return(): ${reader.statistics().waiting}`);
      reader.feedData(b("z"));
      log.push(`next read: ${(yield* reader.readexactly(3)).toString()}`);
      expect(log).toEqual([
        "done: false, waiting: true",
        "waiting after return(): false",
        "next read: xyz",
      ]);
    }));

  it("a read op stepped again once finished reports done, as a finished generator does", () =>
    runVirtual(function* () {
      const reader = new StreamReader();
      reader.feedData(b("hi"));
      const op = reader.read(5);
      const first = op.next();
      expect([first.done, (first.value as Buffer).toString()]).toEqual([true, "hi"]);
      expect(op.next()).toEqual({ value: undefined, done: true });
    }));

  it("drain() is lazy too: made before close(), it still lets the close go first when stepped", () =>
    runVirtual(function* () {
      const stream = new PassThrough();
      const writer = writerFromStream(stream);
      const log: string[] = [];
      const drain = writer.drain();
      writer.write("bye");
      writer.close();
      createTask(
        (function* () {
          log.push("another task ran");
        })(),
      );
      // Stepped now, it sees the close under way and yields once (asyncio does too).
      yield* drain;
      log.push("drained");
      expect(log).toEqual(["another task ran", "drained"]);
    }));
});
