// readerFromStream / writerFromStream on a real child process's pipes (`node -e ...`): what
// @corio/subprocess builds on. Lines both ways, EOF, backpressure on the pipe, and the pipes
// destroyed when the loop closes.
import { spawn } from "node:child_process";
import { createTask, run, sleep } from "@corio/task";
import { describe, expect, it } from "vitest";
import { readerFromStream, StreamReader, StreamWriter, writerFromStream } from "../src/index.js";

/** A child that upper-cases stdin to stdout, started with plain node. */
const upper = () =>
  spawn(process.execPath, [
    "-e",
    "process.stdin.on('data', (d) => process.stdout.write(d.toString().toUpperCase()))",
  ]);

describe("readers and writers on a child's pipes", () => {
  it("writes lines to stdin and reads them back from stdout until EOF", () =>
    run(function* () {
      const child = upper();
      const stdin = writerFromStream(child.stdin);
      const stdout = readerFromStream(child.stdout);
      expect(stdin).toBeInstanceOf(StreamWriter);
      expect(stdout).toBeInstanceOf(StreamReader);
      stdin.write("hello\n");
      yield* stdin.drain();
      expect((yield* stdout.readline()).toString()).toBe("HELLO\n");
      stdin.writelines(["a\n", "b\n"]);
      stdin.writeEof(); // the child's stdin ends, so it exits and stdout ends
      const lines: string[] = [];
      yield* stdout.lines((line) => lines.push(line.toString()));
      expect(lines.join("")).toBe("A\nB\n");
      expect(stdout.atEof()).toBe(true);
    }));

  it("drain() waits while the child does not read its stdin", () =>
    run(function* () {
      // A child that never reads its stdin: the pipe fills up.
      const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
      const stdin = writerFromStream(child.stdin);
      const chunk = Buffer.alloc(64 * 1024);
      while (!child.stdin.writableNeedDrain) stdin.write(chunk);
      const drain = createTask(stdin.drain());
      yield* sleep(20);
      expect(drain.done()).toBe(false);
      child.kill();
      // The pipe breaks: the waiting drain ends with the pipe's error (EPIPE) or returns.
      yield* sleep(0);
      while (!drain.done()) yield* sleep(5);
      const error = drain.exception() as NodeJS.ErrnoException | null;
      expect(error === null || error.code === "EPIPE").toBe(true);
    }));

  it("destroys the pipes when the loop closes", async () => {
    let child: ReturnType<typeof upper> | null = null;
    await run(function* () {
      child = upper();
      readerFromStream(child.stdout);
      writerFromStream(child.stdin);
    });
    const c = child as unknown as ReturnType<typeof upper>;
    expect([c.stdin.destroyed, c.stdout.destroyed]).toEqual([true, true]);
    c.kill();
  });

  it("rejects what is not a Node stream", () =>
    run(function* () {
      expect(() => readerFromStream({} as never)).toThrow(TypeError);
      expect(() => writerFromStream("x" as never)).toThrow(
        /writerFromStream\(stream\): stream must be a Node stream/,
      );
    }));
});
