/**
 * TaskGroup: structured concurrency.
 *
 * How it works (asyncio 3.13 `TaskGroup`, plus 3.15's `cancel()`): the group remembers the task
 * that runs its block (the parent). Every child gets a done callback. The first child to fail
 * cancels the other children and the parent (one cancellation request the group withdraws with
 * `uncancel()` on the way out), so the block is interrupted where it waits. Leaving the block waits
 * until every child is done; then the group throws one `ExceptionGroup` of every failure (the
 * block's own error included), or the parent's own `CancelledError` if it was cancelled from
 * outside and nothing failed. `cancel()` aborts the same way but ends the block without an error.
 *
 * Beyond asyncio: in supervisor mode (Kotlin's `supervisorScope`) a failing child cancels nobody;
 * failures are collected and thrown together when the block ends. A graceful cancel
 * (`cancel(message, { grace })`) first aborts `stopSignal` only, so children can finish their
 * work, and cancels for real once the grace period is over (trio#147).
 */
import {
  CancelledError,
  type Coroutine,
  type EventLoop,
  type Future,
  getRunningLoop,
  isCancelledError,
  type Operation,
  RuntimeError,
  type TaskLike,
  type TaskOptions,
  type TimerHandle,
  type Yielded,
} from "@corio/interfaces";
import { checkCoroutine } from "@corio/internal";
import { ExceptionGroup } from "./exception-group.js";
import { cancelTaskFrom, ScopeSignal } from "./scope-signal.js";
import {
  checkGrace,
  type TaskGroupCancelOptions,
  type TaskGroupOptions,
} from "./task-group-options.js";
import { callBody, checkBody, checkSignal, describeValue, messageOf, requireTask } from "./util.js";

/**
 * A group of child tasks that live no longer than the block that made them. Leaving the block
 * waits for every child; the first failure cancels the rest and the block throws an
 * {@link ExceptionGroup} carrying every failure. Use it through {@link taskGroup}, or make one
 * with `new TaskGroup()` (to hand it around before it starts) and run a block with `tg.run(body)`.
 *
 * @asyncio `asyncio.TaskGroup`
 * @example
 * yield* taskGroup(function* (tg) {
 *   tg.createTask(fetchUsers());
 *   tg.createTask(fetchPosts());
 * }); // both done here, or an ExceptionGroup of what failed
 */
export class TaskGroup {
  /** @internal */ private _entered = false;
  /** @internal */ private _exiting = false;
  /** @internal */ private _aborting = false;
  /** @internal */ private _loop: EventLoop | null = null;
  /** @internal */ private _parentTask: TaskLike<unknown> | null = null;
  /** @internal */ private _parentCancelRequested = false;
  /** @internal */ private readonly _tasks = new Set<TaskLike<unknown>>();
  /** @internal */ private _errors: unknown[] = [];
  /** @internal */ private _onCompletedFut: Future<boolean> | null = null;
  /** @internal */ private _cancelOnEnter = false;
  /** @internal */ private _cancelMessage: string | undefined = undefined;
  /** @internal */ private readonly _signal = new ScopeSignal();
  /** @internal */ private _supervisor = false;
  /** @internal */ private _stop: AbortController | null = null;
  /** @internal */ private _graceHandle: TimerHandle | null = null;
  /** @internal */ private _cancelGrace: number | null = null;
  /** @internal */ private _cancelOnEnterHard = false;
  /** @internal */ private readonly _onTaskDone = (task: TaskLike<unknown>): void =>
    this._taskDone(task);

  /**
   * Starts `coro` as a child task of the group, on the next loop iteration.
   *
   * @asyncio `TaskGroup.create_task`
   * @throws {TypeError} if `coro` is not a generator object.
   * @throws {@link RuntimeError} if the group's block has not started, has finished, or the group
   * is shutting down (a child failed or it was cancelled); `coro` is closed then.
   * @example
   * const t = tg.createTask(worker(1), { name: "worker-1" });
   */
  createTask<T>(coro: Coroutine<T>, options?: TaskOptions): TaskLike<T> {
    checkCoroutine(coro, "TaskGroup.createTask(coro): coro");
    let problem: string | null = null;
    if (!this._entered) problem = "has not been entered (create tasks inside its block)";
    else if (this._exiting && this._tasks.size === 0) problem = "is finished";
    else if (this._aborting) problem = "is shutting down";
    if (problem !== null) {
      coro.return(undefined as T);
      throw new RuntimeError(`TaskGroup ${this} ${problem}`);
    }
    const task = this._loop!.createTask(coro, options);
    // A child that finished inside createTask (an eager task) counts at once, as in asyncio 3.12+.
    if (task.done()) {
      this._taskDone(task as TaskLike<unknown>);
      return task;
    }
    this._tasks.add(task as TaskLike<unknown>);
    task.addDoneCallback(this._onTaskDone as (t: TaskLike<T>) => void);
    return task;
  }

  /**
   * Ends the group early without an error: cancels every child not done and interrupts the block
   * where it waits; the block then returns `undefined`. Called before the block starts, it cancels
   * the group as soon as the block starts. Calling it again, or after the block, does nothing.
   *
   * With `options.grace`, the cancel is graceful: {@link TaskGroup.stopSignal} aborts at once so
   * that children can wind down (stop taking work, finish the item in hand), and whatever is still
   * running `grace` ms later is cancelled as above. A later `cancel()` without grace cuts the
   * period short.
   *
   * @asyncio `TaskGroup.cancel` (Python 3.15); the grace period is corio's own.
   * @throws {TypeError} if `options` is not an object or `options.grace` not a number.
   * @throws {RangeError} if `options.grace` is negative or NaN.
   * @example
   * yield* taskGroup(function* (tg) {
   *   tg.createTask(server());
   *   yield* shutdownRequested;
   *   tg.cancel("shutting down", { grace: 5000 }); // finish requests in flight, 5 s at most
   * });
   */
  cancel(message?: string, options?: TaskGroupCancelOptions): void {
    const grace = checkGrace(options);
    if (!this._entered) {
      this._cancelOnEnter = true;
      this._cancelMessage ??= message;
      // A hard cancel wins; of several graceful ones, the shortest grace does.
      if (grace === null) this._cancelOnEnterHard = true;
      this._cancelGrace = this._cancelOnEnterHard
        ? null
        : Math.min(this._cancelGrace ?? grace!, grace!);
      return;
    }
    if (this._exiting && this._tasks.size === 0) return;
    if (this._aborting) return;
    if (grace !== null) {
      this._beginGrace(message, grace);
      return;
    }
    this._abort(message);
    if (this._parentTask !== null && !this._parentCancelRequested) {
      this._parentCancelRequested = true;
      cancelTaskFrom(this._signal, this._parentTask, message);
    }
  }

  /**
   * An `AbortSignal` that aborts when the group is asked to stop: at the start of a graceful
   * cancel's grace period, and whenever the group shuts down for good (see {@link TaskGroup.signal}).
   * Children that can finish cleanly watch it; `taskGroup(body, { signal: tg.stopSignal })` ends
   * a loop where it waits, without an error and without ending the child.
   *
   * @example
   * tg.createTask((function* () {
   *   yield* taskGroup(() => acceptConnections(), { signal: tg.stopSignal });
   *   yield* flushLogs(); // still allowed during the grace period
   * })());
   */
  get stopSignal(): AbortSignal {
    return (this._stop ??= new AbortController()).signal;
  }

  /** True once the group was asked to stop, gracefully or not. */
  isStopping(): boolean {
    return this._stop?.signal.aborted === true || this._aborting;
  }

  /** @internal */ private _beginGrace(message: string | undefined, grace: number): void {
    this._stopAll(message);
    const loop = this._loop!;
    const due = loop.time() + grace;
    if (this._graceHandle !== null) {
      if (this._graceHandle.when() <= due) return; // an earlier deadline stands
      this._graceHandle.cancel();
    }
    this._graceHandle = loop.callLater(grace, () => {
      this._graceHandle = null;
      this.cancel(message);
    });
  }

  /** @internal */ private _stopAll(message?: string): void {
    const stop = (this._stop ??= new AbortController());
    if (!stop.signal.aborted) {
      stop.abort(new CancelledError(message ?? "the task group is stopping"));
    }
  }

  /**
   * An `AbortSignal` that aborts (with a `CancelledError` as reason) when the group starts
   * shutting down: a child failed, the block threw, the task was cancelled, or `cancel()` was
   * called; also when a scope around the group cancels its block.
   *
   * @example
   * tg.createTask(fromPromise(fetch(url, { signal: tg.signal })));
   */
  get signal(): AbortSignal {
    return this._signal.signal;
  }

  /** How many children are not done yet. */
  size(): number {
    return this._tasks.size;
  }

  /**
   * Runs the block `body` as this group's scope and returns its value (or `undefined` if the
   * group was cancelled with `cancel()` before the block returned).
   *
   * @asyncio `async with tg:`
   * @throws {TypeError} (at once) if `body` is not a function or `options.signal` not an
   * `AbortSignal`.
   * @throws {@link RuntimeError} if the group was already entered, or not in a task.
   * @throws {@link ExceptionGroup} of every child failure and the block's own error, if any.
   * @throws {@link CancelledError} if the task running the block was cancelled from outside.
   * @example
   * const tg = new TaskGroup();
   * onShutdown(() => tg.cancel());
   * yield* tg.run(function* () { tg.createTask(serve()); });
   */
  run<T>(
    body: (tg: TaskGroup) => Operation<T> | void,
    options: TaskGroupOptions = {},
  ): Coroutine<T | undefined> {
    checkBody("TaskGroup.run(body): body", body);
    if (options === null || typeof options !== "object") {
      throw new TypeError(
        `TaskGroup.run(body, options): options must be an object, got ${describeValue(options)}`,
      );
    }
    if (options.signal !== undefined) checkSignal("taskGroup options.signal", options.signal);
    const supervisor = options.supervisor;
    if (supervisor !== undefined && typeof supervisor !== "boolean") {
      throw new TypeError(
        `TaskGroup.run(body, options): options.supervisor must be a boolean, got ${describeValue(supervisor)}`,
      );
    }
    this._supervisor = supervisor === true;
    return this._block(body, options.signal);
  }

  /** @internal Settles once every child is done (whatever the outcome); for async disposal. */
  _whenChildrenDone(): Promise<void> {
    return Promise.allSettled([...this._tasks]).then(() => undefined);
  }

  toString(): string {
    const info: string[] = [];
    if (this._tasks.size > 0) info.push(`tasks=${this._tasks.size}`);
    if (this._errors.length > 0) info.push(`errors=${this._errors.length}`);
    if (this._aborting) info.push("cancelling");
    else if (this._entered) info.push("entered");
    return `<TaskGroup${info.length > 0 ? ` ${info.join(" ")}` : ""}>`;
  }

  /** @internal */ private *_block<T>(
    body: (tg: TaskGroup) => Operation<T> | void,
    signal: AbortSignal | undefined,
  ): Generator<Yielded, T | undefined, unknown> {
    this._enter();
    let onAbort: (() => void) | null = null;
    if (signal !== undefined) {
      onAbort = () => this.cancel(messageOf(signal.reason));
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
    }
    try {
      let value: T;
      try {
        value = yield* callBody("TaskGroup.run(body): body", body, this);
      } catch (error) {
        yield* this._exit(true, error);
        return undefined;
      }
      yield* this._exit(false, undefined);
      return value;
    } finally {
      if (onAbort !== null) signal!.removeEventListener("abort", onAbort);
    }
  }

  /** @internal */ private _enter(): void {
    if (this._entered) throw new RuntimeError(`TaskGroup ${this} has already been entered`);
    this._loop ??= getRunningLoop();
    const parent = requireTask("a TaskGroup");
    this._parentTask = parent;
    this._entered = true;
    this._signal.enter(parent);
    if (this._cancelOnEnter) {
      this.cancel(
        this._cancelMessage,
        this._cancelGrace === null ? undefined : { grace: this._cancelGrace },
      );
    }
  }

  /** @internal Leaves the block; throws what must propagate. Returning means "suppress". */
  private *_exit(hasError: boolean, error: unknown): Generator<Yielded, void, unknown> {
    this._exiting = true;
    let propagate: unknown = null;
    let hasPropagate = false;
    if (hasError && isCancelledError(error)) {
      propagate = error;
      hasPropagate = true;
    }
    if (hasError && !this._aborting) this._abort();

    try {
      while (this._tasks.size > 0) {
        this._onCompletedFut ??= this._loop!.createFuture<boolean>("TaskGroup exit");
        try {
          yield* this._onCompletedFut;
        } catch (ex) {
          if (!isCancelledError(ex)) throw ex;
          if (!this._aborting) {
            propagate = ex;
            hasPropagate = true;
            this._abort();
          }
        }
        this._onCompletedFut = null;
      }

      const parent = this._parentTask!;
      if (this._parentCancelRequested) {
        // This flag means the group cancelled its parent: withdraw that request.
        if (parent.uncancel() === 0) hasPropagate = false;
      }
      if (hasPropagate && this._errors.length === 0) throw propagate;
      if (hasError && !isCancelledError(error)) this._errors.push(error);
      if (this._errors.length > 0) {
        // A cancellation from outside still pending is re-requested so its count stays stable.
        if (parent.cancelling() > 0) {
          parent.uncancel();
          parent.cancel();
        }
        const errors = this._errors;
        this._errors = [];
        throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
      }
      // Nothing else to raise: whatever the block threw (a CancelledError the group caused) is
      // suppressed.
    } finally {
      this._graceHandle?.cancel();
      this._graceHandle = null;
      this._signal.exit();
      this._parentTask = null;
    }
  }

  /** @internal */ private _abort(message?: string): void {
    this._aborting = true;
    this._stopAll(message);
    for (const t of this._tasks) if (!t.done()) t.cancel(message);
    this._signal.abort(new CancelledError(message ?? "the task group is shutting down"));
  }

  /** @internal */ private _taskDone(task: TaskLike<unknown>): void {
    this._tasks.delete(task);
    if (this._onCompletedFut !== null && this._tasks.size === 0) {
      if (!this._onCompletedFut.done()) this._onCompletedFut.setResult(true);
    }
    if (task.cancelled()) return;
    const error = task.exception();
    if (error === null) return;
    this._errors.push(error);
    const parent = this._parentTask;
    if (this._supervisor && parent !== null && !parent.done()) return; // collected, nobody cancelled
    if (parent === null || parent.done()) {
      this._loop!.callExceptionHandler({
        message: `Task ${task} has errored out but its parent task is already completed`,
        exception: error,
        task,
      });
      return;
    }
    if (!this._aborting && !this._parentCancelRequested) {
      // Interrupt the block where it waits; the request is withdrawn when the block ends.
      this._abort();
      this._parentCancelRequested = true;
      cancelTaskFrom(this._signal, parent);
    }
  }
}

// `tg[Symbol.asyncDispose]()`, where the host has the symbol: cancels the group and resolves once
// every child is done. (Node 20 has the symbol but not the `await using` syntax.)
const asyncDispose = (Symbol as { asyncDispose?: symbol }).asyncDispose;
if (typeof asyncDispose === "symbol") {
  Object.defineProperty(TaskGroup.prototype, asyncDispose, {
    configurable: true,
    writable: true,
    value(this: TaskGroup): Promise<void> {
      this.cancel();
      return this._whenChildrenDone();
    },
  });
}

/**
 * Runs the block `body` with a new {@link TaskGroup}: children made with `tg.createTask` run
 * concurrently with the block; leaving the block waits for all of them. The first child failure
 * cancels the others and the block (where it waits), and the block throws one
 * {@link ExceptionGroup} with every failure, the block's own error included. A cancellation of
 * the task from outside cancels the children and is re-thrown as `CancelledError`. `tg.cancel()`
 * ends everything early without an error (the block then returns `undefined`). A block that
 * never waits may be a plain function: `taskGroup((tg) => { tg.createTask(a()); })`.
 *
 * @asyncio `async with asyncio.TaskGroup() as tg:`
 * @throws {TypeError} (at once) if `body` is not a function or `options.signal` not an
 * `AbortSignal`.
 * @throws {@link RuntimeError} (when awaited) outside a task.
 * @throws {@link ExceptionGroup} of every child failure and the block's own error.
 * @throws {@link CancelledError} if the task running the block was cancelled from outside.
 * @example
 * yield* taskGroup(function* (tg) {
 *   const users = tg.createTask(fetchUsers());
 *   const posts = tg.createTask(fetchPosts());
 *   render(yield* users, yield* posts);
 * });
 */
export function taskGroup<T>(
  body: (tg: TaskGroup) => Operation<T> | void,
  options: TaskGroupOptions = {},
): Coroutine<T | undefined> {
  return new TaskGroup().run(body, options);
}
