/**
 * Line iteration over a StreamReader: `reader.lines(handle)` for coroutines (asyncio's
 * `async for line in reader`) and the async iterator for `for await` in async functions.
 */
import type { Coroutine, EventLoop, Operation } from "@corio/interfaces";
import type { StreamReader } from "./reader.js";

/** Calls `handle` with each line until EOF; returns how many lines it handled. */
export function* eachLine(
  reader: StreamReader,
  handle: (line: Buffer) => Operation<unknown> | unknown,
): Coroutine<number> {
  let count = 0;
  for (;;) {
    const line = yield* reader.readline();
    if (line.length === 0) return count;
    const result = handle(line);
    count++;
    if (
      typeof result === "object" &&
      result !== null &&
      typeof (result as Operation<unknown>)[Symbol.iterator] === "function"
    ) {
      yield* result as Operation<unknown>;
    }
  }
}

/** An async iterator of lines; each step runs `readline()` as a task of `loop`. */
export function lineIterator(reader: StreamReader, loop: EventLoop): AsyncIterator<Buffer> {
  return {
    next: () =>
      new Promise<IteratorResult<Buffer>>((resolve, reject) => {
        const task = loop.createTask(reader.readline());
        task.addDoneCallback((t) => {
          const error = exceptionOf(t);
          if (error !== null) reject(error);
          else {
            const line = t.result();
            resolve(
              line.length === 0 ? { done: true, value: undefined } : { done: false, value: line },
            );
          }
        });
      }),
  };
}

/** The task's error, or the CancelledError that `exception()` throws for a cancelled task. */
function exceptionOf(t: { exception(): unknown }): unknown {
  try {
    return t.exception();
  } catch (error) {
    return error;
  }
}
