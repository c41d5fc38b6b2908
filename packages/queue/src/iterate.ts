/**
 * `for await (const item of queue)`: async iteration of a queue from plain async code.
 *
 * Each `next()` takes one item. When one is queued it is taken at once (`getNowait()`); otherwise
 * a task running `queue.get()` is made on the queue's loop (the running loop, or the loop the
 * queue is bound to) and the promise settles when that task does, so waiting follows the queue's
 * own rules: waiters are served in order and a cancelled wait hands its item to the next one.
 * Iteration ends (`done: true`) when the queue is shut down and empty, that is when `get()` throws
 * `QueueShutDown`. Each item counts as handled (`taskDone()`) when the loop body asks for the next
 * item or leaves the loop (`break`, `return`, a throw), so `queue.join()` works as with `consume`.
 */
import {
  type EventLoop,
  getRunningLoopOrNull,
  QueueShutDown,
  RuntimeError,
  type TaskLike,
} from "@corio/interfaces";
import type { Queue } from "./queue.js";

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** @internal The iterator behind `queue[Symbol.asyncIterator]()`. */
export class QueueIterator<T> implements AsyncIterableIterator<T> {
  private owed = false;
  private finished = false;
  private waiting: TaskLike<T> | null = null;
  /** Held while the loop body has an item: the body is work outside the loop (see `handOut`). */
  private releaseBody: (() => void) | null = null;
  /** The loop running when the iteration began (plain async code runs outside any loop step). */
  private readonly startLoop: EventLoop | null = getRunningLoopOrNull();

  constructor(private readonly queue: Queue<T>) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T, undefined>> {
    this.settle();
    if (this.finished) return Promise.resolve(DONE);
    if (this.waiting !== null) {
      return Promise.reject(
        new RuntimeError(
          "queue iterator: next() called while the previous next() is still waiting; await it first",
        ),
      );
    }
    const queue = this.queue;
    const loop = this.loop();
    if (!queue.empty()) return Promise.resolve(this.handOut(queue.getNowait(), loop));
    if (queue._isShutdown) return Promise.resolve(this.finish());
    if (loop === null) {
      return Promise.reject(
        new RuntimeError(
          "queue iterator: the queue is empty and no event loop runs to wait on it: iterate inside run(), or use consume(queue, handle) in a coroutine",
        ),
      );
    }
    let task: TaskLike<T>;
    try {
      task = loop.createTask(queue.get(), { name: "Queue iterator next()" });
    } catch (error) {
      return Promise.reject(error);
    }
    this.waiting = task;
    return new Promise((resolve, reject) => {
      task.addDoneCallback(() => {
        this.waiting = null;
        if (task.cancelled()) {
          resolve(this.finish());
          return;
        }
        const error = task.exception();
        if (error === null) {
          resolve(this.handOut(task.result(), loop));
        } else if (error instanceof QueueShutDown) {
          resolve(this.finish());
        } else {
          reject(error);
        }
      });
    });
  }

  /**
   * Ends the iteration (a `break` or a throw in the loop body): marks the last item handled, and
   * cancels a wait still in progress (its item, if one arrives, goes to the next getter).
   */
  return(): Promise<IteratorResult<T, undefined>> {
    this.settle();
    this.finished = true;
    const waiting = this.waiting;
    if (waiting !== null && !waiting.done()) waiting.cancel();
    return Promise.resolve(DONE);
  }

  private loop(): EventLoop | null {
    const loop = getRunningLoopOrNull() ?? this.queue._loop ?? this.startLoop;
    return loop === null || loop.isClosed() ? null : loop;
  }

  /**
   * Gives the body an item. Until the body asks for the next one, the loop is told that work goes
   * on outside it (`trackExternal`): a virtual clock then waits for the body instead of jumping
   * past it, and a stuck program names the iteration.
   */
  private handOut(value: T, loop: EventLoop | null): IteratorYieldResult<T> {
    this.owed = true;
    if (loop !== null && !loop.isClosed()) {
      this.releaseBody = loop.trackExternal("for await over a queue: the loop body has an item");
    }
    return { done: false, value };
  }

  private finish(): IteratorReturnResult<undefined> {
    this.finished = true;
    return DONE;
  }

  /** Marks the item handed out last as handled. */
  private settle(): void {
    const release = this.releaseBody;
    if (release !== null) {
      this.releaseBody = null;
      release();
    }
    if (this.owed) {
      this.owed = false;
      this.queue.taskDone();
    }
  }
}
