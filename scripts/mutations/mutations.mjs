// The deliberate bugs `pnpm test:mutations` plants, one at a time, to check that the test suite
// notices each. A mutation is an exact text replacement in one source file: `find` must occur
// exactly once. When a file is restructured, re-target `find`/`replace` here (the runner names
// every mutation whose text it cannot find). `packages` are the test suites run against it.

/** @type {{ id: string; file: string; find: string; replace: string; packages: string[]; bug: string }[]} */
export const mutations = [
  // --- loop ---------------------------------------------------------------------------------
  {
    id: "loop/timer-not-cancelled",
    bug: "TimerHandle.cancel() leaves the callback in place, so a cancelled timer still fires",
    file: "packages/loop/src/loop.ts",
    find: "    entry._callback = null;\n    if (entry._seq >= 0) this._timerCancelledCount++;",
    replace: "    if (entry._seq >= 0) this._timerCancelledCount++;",
    packages: ["loop"],
  },
  {
    id: "loop/callback-error-swallowed",
    bug: "an error thrown by a callSoon/callLater callback never reaches the exception handler",
    file: "packages/loop/src/handles.ts",
    find: "    } catch (error) {\n      this._loop.callExceptionHandler({",
    replace:
      "    } catch (error) {\n      if (error !== undefined) return;\n      this._loop.callExceptionHandler({",
    packages: ["loop"],
  },
  {
    id: "loop/never-retrieved-not-reported",
    bug: 'a failed task nobody awaited is never reported ("Task exception was never retrieved")',
    file: "packages/loop/src/loop.ts",
    find: "      const isTask = (fut as unknown as { getCoro?: unknown }).getCoro !== undefined;\n",
    replace:
      "      const isTask = (fut as unknown as { getCoro?: unknown }).getCoro !== undefined;\n      if (isTask) continue;\n",
    packages: ["loop", "task"],
  },
  // --- task ---------------------------------------------------------------------------------
  {
    id: "task/error-swallowed",
    bug: "a coroutine that throws ends its task with result undefined instead of the error",
    file: "packages/task/src/task.ts",
    find: "          Future.prototype.setException.call(this, thrown);",
    replace: "          Future.prototype.setResult.call(this, undefined as T);",
    packages: ["task"],
  },
  {
    id: "task/cancel-does-not-interrupt-wait",
    bug: "cancel() does not cancel what the task waits on; the CancelledError arrives only when the wait ends",
    file: "packages/task/src/task.ts",
    find: "    if (waiter !== null && waiter.cancel(message)) {",
    replace: "    if (waiter !== null && waiter.done()) {",
    packages: ["task"],
  },
  {
    id: "task/uncancel-keeps-pending-cancel",
    bug: "uncancel() down to zero still delivers the withdrawn cancellation",
    file: "packages/task/src/task.ts",
    find: "      if (this._numCancelsRequested === 0) this._mustCancel = false;\n",
    replace: "",
    packages: ["task", "cancel"],
  },
  {
    id: "task/sleep-timer-not-cancelled",
    bug: "cancelling a sleep leaves its timer in the loop's queue",
    file: "packages/task/src/sleep.ts",
    find: "      this._loop._cancelTimer(this); // the loop's queue drops the entry lazily\n",
    replace: "",
    packages: ["task"],
  },
  // --- gather -------------------------------------------------------------------------------
  {
    id: "gather/cancel-does-not-reach-children",
    bug: "cancelling a gather reports success but leaves its children running",
    file: "packages/gather/src/gather.ts",
    find: "    for (const child of children) if (child.cancel(message)) cancelled = true;",
    replace: "    for (const child of children) if (!child.done()) cancelled = true;",
    packages: ["gather"],
  },
  {
    id: "gather/first-error-held-back",
    bug: "without returnExceptions, the first child error is not raised until every child is done",
    file: "packages/gather/src/gather.ts",
    find: "      if (error !== null) {\n        outer.setException(error);\n        return;\n      }",
    replace:
      "      if (error !== null && nfinished === nfuts) {\n        outer.setException(error);\n        return;\n      }",
    packages: ["gather"],
  },
  // --- cancel -------------------------------------------------------------------------------
  {
    id: "cancel/waitFor-swallows-inner-error",
    bug: "waitFor() returns undefined when the awaited operation throws (timeouts still raised)",
    file: "packages/cancel/src/wait-for.ts",
    find: '  return yield* scope._run("waitFor", () => aw);',
    replace:
      '  try {\n    return yield* scope._run("waitFor", () => aw);\n  } catch (e) {\n    if (isCancelledError(e) || e instanceof TimeoutError) throw e;\n    return undefined as T;\n  }',
    packages: ["cancel"],
  },
  {
    id: "cancel/taskgroup-siblings-not-cancelled",
    bug: "a failing TaskGroup child does not cancel its siblings",
    file: "packages/cancel/src/task-group.ts",
    find: "    for (const t of this._tasks) if (!t.done()) t.cancel(message);",
    replace: "    for (const t of this._tasks) if (!t.done()) void message;",
    packages: ["cancel"],
  },
  {
    id: "cancel/timeout-timer-not-cancelled",
    bug: "leaving a timeout() block early leaves its deadline timer armed",
    file: "packages/cancel/src/timeout.ts",
    find: "  _exit(hasError: boolean, error: unknown): void {\n    this._handle?.cancel();\n",
    replace: "  _exit(hasError: boolean, error: unknown): void {\n",
    packages: ["cancel"],
  },
  {
    id: "cancel/shield-lets-cancel-through",
    bug: "cancelling the task waiting on shield(aw) cancels aw too",
    file: "packages/cancel/src/shield.ts",
    find: "    if (!inner.done()) inner.removeDoneCallback(onInnerDone);",
    replace: "    if (!inner.done()) inner.cancel();",
    packages: ["cancel"],
  },
  // --- queue --------------------------------------------------------------------------------
  {
    id: "queue/lost-item-on-cancel",
    bug: "a getter woken for an item and cancelled before it resumes throws the item away",
    file: "packages/queue/src/queue.ts",
    find: "  throw(error: unknown): IteratorResult<Yielded, T> {\n    if (this._waiter !== null) this._leave();",
    replace:
      "  throw(error: unknown): IteratorResult<Yielded, T> {\n    const w = this._waiter;\n    if (w !== null && w.done() && !w.cancelled() && this._queue._store.size !== 0) this._queue._store.take();\n    if (this._waiter !== null) this._leave();",
    packages: ["queue"],
  },
  {
    id: "queue/wakeup-not-passed-on",
    bug: "a cancelled getter that was woken does not pass the wake-up on: the next getter is stranded",
    file: "packages/queue/src/queue.ts",
    find: "    if (queue._store.size !== 0 && !waiter.cancelled()) wakeupNext(queue._getters);\n",
    replace: "",
    packages: ["queue"],
  },
  {
    id: "queue/full-off-by-one",
    bug: "putNowait() accepts maxsize + 1 items",
    file: "packages/queue/src/queue.ts",
    find: "    if (this._maxsize > 0 && this._store.size >= this._maxsize) {",
    replace: "    if (this._maxsize > 0 && this._store.size > this._maxsize) {",
    packages: ["queue"],
  },
  {
    id: "queue/join-returns-early",
    bug: "join() returns when one item is still unfinished",
    file: "packages/queue/src/queue.ts",
    find: "    if (--this._unfinished === 0) this._setFinished();",
    replace: "    if (--this._unfinished <= 1) this._setFinished();",
    packages: ["queue"],
  },
  {
    id: "queue/getNowait-forgets-putters",
    bug: "getNowait() frees a slot without waking a waiting put()",
    file: "packages/queue/src/queue.ts",
    find: "    const item = store.take();\n    if (this._putters.size !== 0) wakeupNext(this._putters);\n    return item;",
    replace: "    const item = store.take();\n    return item;",
    packages: ["queue"],
  },
  // --- sync ---------------------------------------------------------------------------------
  {
    id: "sync/lock-cancel-strands-next-waiter",
    bug: "a Lock waiter woken and then cancelled keeps the wake-up: the next waiter waits forever",
    file: "packages/sync/src/lock.ts",
    find: "      if (!this._locked) this._wakeUpFirst();\n      throw error;",
    replace: "      throw error;",
    packages: ["sync"],
  },
  {
    id: "sync/semaphore-unit-lost-on-cancel",
    bug: "a Semaphore waiter woken and then cancelled does not give its unit back",
    file: "packages/sync/src/semaphore.ts",
    find: "      if (fut.done() && !fut.cancelled()) this._value++;\n",
    replace: "",
    packages: ["sync"],
  },
  {
    id: "sync/event-set-wakes-one",
    bug: "Event.set() wakes only the first waiter",
    file: "packages/sync/src/event.ts",
    find: "    for (const fut of this._waiters) if (!fut.done()) fut.setResult(true);",
    replace:
      "    for (const fut of this._waiters) {\n      if (!fut.done()) {\n        fut.setResult(true);\n        break;\n      }\n    }",
    packages: ["sync"],
  },
  {
    id: "sync/condition-notify-off-by-one",
    bug: "Condition.notify(n) wakes n + 1 waiters",
    file: "packages/sync/src/condition.ts",
    find: "      if (woken >= n) break;",
    replace: "      if (woken > n) break;",
    packages: ["sync"],
  },
  // --- streams -------------------------------------------------------------------------------
  {
    id: "streams/cancelled-read-drops-bytes",
    bug: "a read cancelled while waiting throws away what had arrived",
    file: "packages/streams/src/reader.ts",
    find: "    if (this._waiter === waiter) this._waiter = null;\n",
    replace:
      "    if (this._waiter === waiter) this._waiter = null;\n    if (waiter.cancelled()) this._buffer.clear();\n",
    packages: ["streams"],
  },
  {
    id: "streams/never-resumes-reading",
    bug: "a paused socket is never resumed once reads drain the buffer",
    file: "packages/streams/src/reader.ts",
    find: "    if (this._paused && this._buffer.length <= this._limit) {",
    replace: "    if (this._paused && this._buffer.length < 0) {",
    packages: ["streams"],
  },
  {
    id: "streams/drain-never-waits",
    bug: "drain() returns at once even when the socket's buffer is full",
    file: "packages/streams/src/writer.ts",
    find: "    if (!this._stream.writableNeedDrain) return;",
    replace: "    return;",
    packages: ["streams"],
  },
  {
    id: "streams/socket-outlives-loop",
    bug: "sockets are not destroyed when the loop closes",
    file: "packages/streams/src/node-stream.ts",
    find: "  const forget = loop.addCloseCallback(() => {\n    stream.destroy();\n  });",
    replace: "  const forget = () => {};",
    packages: ["streams"],
  },
];
