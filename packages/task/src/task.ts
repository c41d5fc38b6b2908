/**
 * Task: drives a generator coroutine on the loop.
 *
 * How a step flows: the loop's ready queue calls `_step()`. The step resumes the coroutine with
 * `next()` (or `throw()` to deliver a cancellation or an error), and the coroutine runs until it
 * yields. What it yields decides what happens next:
 * - a pending future (reached through `yield* fut`): the task registers itself as the future's
 *   waker and sleeps; the future's completion queues the next step through the ready queue;
 * - `YIELD_NOW` (from `sleep(0)`): the next step is queued at once, one loop iteration later;
 * - anything else is a mistake, reported into the coroutine on the next step.
 * When the coroutine returns or throws, the task (a future) takes its result or exception.
 * Nothing here allocates per step: no closure, no promise, no iterator result beyond V8's own.
 */
import * as I from "@corio/interfaces";
import { type EventLoop, Future } from "@corio/loop";

const {
  CancelledError,
  InvalidStateError,
  RuntimeError,
  isCancelledError,
  isCoroutine,
  isFutureLike,
  messageText,
} = I;
const describeValue = I.describeValue;

import { YIELD_NOW } from "@corio/interfaces";

const PENDING = 0;

/**
 * @internal What few tasks need: an error to throw in at the next step (after a bad yield), the
 * debug-mode creation stack, the AbortController behind `signal`, the callback that wakes the task
 * from a foreign future. Kept apart so that the common task carries one null field for all of them.
 */
interface TaskRare {
  pendingError: unknown;
  hasPendingError: boolean;
  creationStack: string | undefined;
  abort: AbortController | null;
  foreignWakeup: (() => void) | null;
}

/** Marks a generator object that a task drives, so a second task cannot take it over. */
const DRIVEN: unique symbol = Symbol.for("corio.driven") as never;
type Driven = { [DRIVEN]?: true };

/** Tasks whose `cancel()` is passing the cancellation on to what they wait on, innermost last. */
const cancelChain: Task<unknown>[] = [];

/** @internal The ready-queue entry for a step; shared by every task. */
function stepTask(task: Task<unknown>): void {
  task._step();
}

/**
 * A coroutine scheduled on the loop, and a future of its return value.
 *
 * Tasks start on the next loop iteration, in creation order. `cancel()` throws `CancelledError`
 * into the coroutine exactly at the `yield*` where it waits; its `finally` blocks run. A coroutine
 * that catches the error and returns makes the task finish normally, as in asyncio.
 *
 * @asyncio `asyncio.Task`
 * @example
 * const task = createTask(crawlPage("url_1"), { name: "crawl-1" });
 * yield* sleep(100);
 * task.cancel();
 */
export class Task<T> extends Future<T> implements I.TaskLike<T> {
  /** @internal */ _coro: I.Coroutine<T>;
  /**
   * @internal The name, or the task's number until someone asks: most tasks are never named, so the
   * default `Task-N` string is made on first `getName()` (as asyncio does since 3.12).
   */
  _name: string | number;
  /** @internal Links of the loop's live-task list (see `TaskList` in @corio/loop). */ _prevLive:
    | object
    | null = null;
  /** @internal */ _nextLive: object | null = null;
  /** @internal */ _mustCancel = false;
  /** @internal */ _futWaiter: I.FutureLike<unknown> | null = null;
  /** @internal */ _waitingOnYield = false;
  /** @internal */ _numCancelsRequested = 0;
  /** @internal */ _parent: I.TaskLike<unknown> | null;
  /** @internal */ _rare: TaskRare | null = null;

  /**
   * @internal Use `createTask(coro)`.
   * @throws {TypeError} if `coro` is not a generator object, or `options.name` not a string.
   * @throws {@link RuntimeError} if another task already drives `coro`.
   */
  constructor(coro: I.Coroutine<T>, loop: EventLoop, options?: I.TaskOptions) {
    super(loop);
    if (!isCoroutine(coro)) {
      throw new TypeError(
        `createTask(coro): coro must be a generator object (call the generator function: createTask(work()), not createTask(work)), got ${describeValue(coro)}`,
      );
    }
    const name = options?.name;
    if (name !== undefined && typeof name !== "string") {
      throw new TypeError(
        `createTask(coro, options): options.name must be a string, got ${describeValue(name)}`,
      );
    }
    // One property store per task, checked here only: never on a step or a yield*.
    if ((coro as Driven)[DRIVEN] === true) {
      throw new RuntimeError(
        "createTask(coro): cannot reuse already awaited coroutine: another task already drives this generator object (call the generator function again for a new one)",
      );
    }
    (coro as Driven)[DRIVEN] = true;
    this._coro = coro;
    this._name = name ?? ++loop._taskCounter;
    this._parent = loop._currentTask;
    if (loop.getDebug()) this._rareFields().creationStack = new Error("created here").stack;
    loop._tasks.add(this);
    loop._push(stepTask, this as Task<unknown>);
    const hooks = loop._hooks;
    if (hooks !== null && hooks.taskCreated !== undefined) hooks.taskCreated(this);
  }

  /** @internal */
  _rareFields(): TaskRare {
    return (this._rare ??= {
      pendingError: undefined,
      hasPendingError: false,
      creationStack: undefined,
      abort: null,
      foreignWakeup: null,
    });
  }

  /** @internal Where the task was made (debug mode only); read by task listings. */
  get _creationStack(): string | undefined {
    return this._rare?.creationStack;
  }

  /** The task's name. @asyncio `Task.get_name` */
  getName(): string {
    const name = this._name;
    return typeof name === "string" ? name : (this._name = `Task-${name}`);
  }

  /**
   * Renames the task.
   *
   * @asyncio `Task.set_name`
   * @throws {TypeError} if `name` is not a string.
   */
  setName(name: string): void {
    if (typeof name !== "string")
      throw new TypeError(`setName(name): name must be a string, got ${describeValue(name)}`);
    this._name = name;
  }

  /** The coroutine this task drives. @asyncio `Task.get_coro` */
  getCoro(): I.Coroutine<T> {
    return this._coro;
  }

  /**
   * Requests cancellation: if the task waits on a future, that future is cancelled and the task
   * wakes with `CancelledError` thrown in at its `yield*`; otherwise the error is thrown in at the
   * next step. A task cancelled before its first step never runs its body. Returns false if the
   * task is already done. Any message value is accepted, as in asyncio; one that is not a string
   * becomes its `String()` text.
   *
   * @asyncio `Task.cancel`
   * @example
   * const t = createTask(worker());
   * yield* sleep(0);
   * t.cancel("shutting down");
   */
  override cancel(value?: unknown): boolean {
    if (this._state !== PENDING) return false;
    const message = messageText(value);
    if (cancelChain.includes(this)) return this._breakAwaitCycle(message);
    this._numCancelsRequested++;
    const hooks = this._loop._hooks;
    if (hooks !== null && hooks.cancelRequested !== undefined) hooks.cancelRequested(this, message);
    const abort = this._rare?.abort;
    if (abort != null && !abort.signal.aborted) abort.abort(new CancelledError(message));
    const waiter = this._futWaiter;
    if (waiter !== null) {
      // Cancelling the waiter may come back here through an await cycle (A waits on B, B on A).
      cancelChain.push(this);
      let forwarded: boolean;
      try {
        forwarded = waiter.cancel(message);
      } finally {
        cancelChain.pop();
      }
      // Keep _futWaiter: it may be a task that swallows the cancellation and has to be
      // cancelled again later.
      if (forwarded) return true;
    }
    this._mustCancel = true;
    this._cancel = message; // the message of the cancellation to deliver at the next step
    return true;
  }

  /**
   * Cancelling went round an await cycle back to this task. It stops waiting and takes the
   * cancellation at its next step; its end then wakes the task that waited on it, and the cycle
   * comes apart (asyncio recurses until the stack overflows).
   */
  private _breakAwaitCycle(message: string | undefined): boolean {
    const waiter = this._futWaiter!;
    if (waiter instanceof Future) waiter._removeWaker(this);
    else {
      const wakeup = this._rare?.foreignWakeup;
      if (wakeup != null) waiter.removeDoneCallback(wakeup);
    }
    // No longer waiting: a later cancel() finds no waiter to pass on to, and no second step is
    // queued.
    this._futWaiter = null;
    this._mustCancel = true;
    this._cancel = message;
    this._loop._push(stepTask, this as Task<unknown>);
    return true;
  }

  /**
   * The number of cancellation requests not yet withdrawn with `uncancel()`.
   *
   * @asyncio `Task.cancelling`
   */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /**
   * Withdraws one cancellation request; returns how many remain. When none remain, a cancellation
   * not yet delivered is dropped. Used by timeouts and task groups that turn a cancellation they
   * caused into something else.
   *
   * @asyncio `Task.uncancel`
   */
  uncancel(): number {
    if (this._numCancelsRequested > 0) {
      this._numCancelsRequested--;
      if (this._numCancelsRequested === 0) this._mustCancel = false;
    }
    return this._numCancelsRequested;
  }

  /**
   * An `AbortSignal` that aborts (with a `CancelledError` as reason) when the task is cancelled.
   * Made on first access, so tasks that never ask pay nothing. It stays aborted even if the task
   * later withdraws the cancellation with `uncancel()`.
   *
   * @example
   * const res = yield* fromPromise(fetch(url, { signal: currentTask()!.signal }));
   */
  get signal(): AbortSignal {
    const rare = this._rareFields();
    if (rare.abort === null) {
      rare.abort = new AbortController();
      if (this._state !== PENDING ? this.cancelled() : this._numCancelsRequested > 0) {
        rare.abort.abort(new CancelledError(this._cancelMessage()));
      }
    }
    return rare.abort.signal;
  }

  /**
   * Tasks finish only by running their coroutine.
   *
   * @throws {@link RuntimeError} always, as in asyncio.
   */
  override setResult(_value: T): void {
    throw new RuntimeError("Task does not support setResult()");
  }

  /** @throws {@link RuntimeError} always, as in asyncio. */
  override setException(_error: unknown): void {
    throw new RuntimeError("Task does not support setException()");
  }

  /** @internal A future this task waited on is done. */
  _wakeup(): void {
    this._step();
  }

  /** @internal Runs the coroutine up to its next suspension point. */
  _step(): void {
    if (this._state !== PENDING) {
      throw new InvalidStateError(`_step(): task "${this.getName()}" is already done`);
    }
    let error: unknown;
    let hasError = false;
    const rare = this._rare;
    if (rare?.hasPendingError) {
      error = rare.pendingError;
      hasError = true;
      rare.pendingError = undefined;
      rare.hasPendingError = false;
    }
    if (this._mustCancel) {
      const waiter = this._futWaiter;
      // A waiter that was cancelled itself hands the coroutine its own CancelledError when the
      // coroutine resumes at its yield* (as asyncio's wakeup does), so a later cancel() does not
      // replace the first message.
      const waiterCancelled = !hasError && waiter !== null && waiter.done() && waiter.cancelled();
      if (!waiterCancelled && (!hasError || !isCancelledError(error))) {
        error = this._makeCancelledError();
        hasError = true;
      }
      this._mustCancel = false;
    }
    this._futWaiter = null;
    this._waitingOnYield = false;
    const loop = this._loop;
    const previous = loop._currentTask;
    loop._currentTask = this;
    const hooks = loop._hooks;
    if (hooks !== null && hooks.stepStarted !== undefined) hooks.stepStarted(this);
    try {
      let r: IteratorResult<I.Yielded, T>;
      try {
        r = hasError ? this._coro.throw(error) : this._coro.next(YIELD_NOW);
      } catch (thrown) {
        if (isCancelledError(thrown)) {
          super.cancel(thrown.message);
          this._cancel = thrown; // result() rethrows this very error
        } else {
          Future.prototype.setException.call(this, thrown);
        }
        this._finished();
        return;
      }
      if (r.done) {
        if (this._mustCancel) {
          // Cancelled right before the coroutine returned.
          this._mustCancel = false;
          super.cancel(this._cancel as string | undefined);
        } else {
          Future.prototype.setResult.call(this, r.value);
        }
        this._finished();
        return;
      }
      this._suspend(r.value);
    } finally {
      loop._currentTask = previous;
      if (hooks !== null && hooks.stepEnded !== undefined) hooks.stepEnded(this);
    }
  }

  private _suspend(value: I.Yielded): void {
    const loop = this._loop;
    if (value === YIELD_NOW) {
      this._waitingOnYield = true;
      loop._push(stepTask, this as Task<unknown>);
      const hooks = loop._hooks;
      if (hooks !== null && hooks.taskSuspended !== undefined) hooks.taskSuspended(this, null);
      return;
    }
    if (value instanceof Future) {
      if (!value._blocking) {
        this._failNextStep(
          new RuntimeError(
            `yield was used instead of yield* in task "${this.getName()}" with ${value}: write yield* fut`,
          ),
        );
        return;
      }
      if (value._loop !== loop) {
        this._failNextStep(
          new RuntimeError(`task "${this.getName()}" got ${value} attached to a different loop`),
        );
        return;
      }
      if (value === (this as unknown)) {
        this._failNextStep(new RuntimeError(`task "${this.getName()}" cannot await on itself`));
        return;
      }
      value._blocking = false;
      value._addWaker(this);
      this._park(value);
      return;
    }
    if (isFutureLike(value)) {
      if (!value._blocking) {
        this._failNextStep(
          new RuntimeError(`yield was used instead of yield* in task "${this.getName()}"`),
        );
        return;
      }
      if (value.getLoop() !== loop) {
        this._failNextStep(
          new RuntimeError(`task "${this.getName()}" got a future attached to a different loop`),
        );
        return;
      }
      value._blocking = false;
      const rare = this._rareFields();
      value.addDoneCallback((rare.foreignWakeup ??= () => this._step()));
      this._park(value);
      return;
    }
    let hint = "";
    if (isCoroutine(value)) hint = ": it yielded a generator; write yield* to run a coroutine";
    else if (value !== null && typeof (value as PromiseLike<unknown>)?.then === "function") {
      hint = ": it yielded a promise; wrap it as yield* fromPromise(promise)";
    } else if (value === undefined)
      hint = ": a bare `yield`; write yield* sleep(0) to give up control";
    this._failNextStep(
      new RuntimeError(`task "${this.getName()}" got a bad yield (${describeValue(value)})${hint}`),
    );
  }

  private _park(future: I.FutureLike<unknown>): void {
    this._futWaiter = future;
    const hooks = this._loop._hooks;
    if (hooks !== null && hooks.taskSuspended !== undefined) hooks.taskSuspended(this, future);
    if (this._mustCancel && future.cancel(this._cancel as string | undefined)) {
      this._mustCancel = false;
    }
  }

  private _failNextStep(error: unknown): void {
    const rare = this._rareFields();
    rare.pendingError = error;
    rare.hasPendingError = true;
    this._loop._push(stepTask, this as Task<unknown>);
  }

  private _finished(): void {
    const loop = this._loop;
    loop._tasks.delete(this);
    const hooks = loop._hooks;
    if (hooks !== null && hooks.taskDone !== undefined) hooks.taskDone(this);
  }

  override toString(): string {
    return `<Task ${this._stateName()} name="${this.getName()}">`;
  }
}
