import type { TaskLike } from "@corio/interfaces";

/**
 * @internal The `AbortSignal` side of a scope (a timeout or a task group).
 *
 * How it works: the controller is made on first access. A scope aborts it when it cancels its
 * own block. Scopes entered in the same task form a stack; a scope's signal also follows the
 * signal of the scope around it, since cancelling the outer block cancels the inner one too, and
 * the task's own signal, so a cancellation of the task from outside aborts it as well. A
 * cancellation that a scope requests itself (a deadline, a failing child) is made through
 * {@link cancelTaskFrom}, which tells the scopes around it to ignore it: it is not theirs. The
 * listeners are removed when the scope exits.
 */
export class ScopeSignal {
  private controller: AbortController | null = null;
  private aborted = false;
  private reason: unknown = undefined;
  private parent: ScopeSignal | null = null;
  private task: TaskLike<unknown> | null = null;
  private unlisten: (() => void) | null = null;
  private active = false;

  get signal(): AbortSignal {
    if (this.controller === null) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
      else if (this.active) this.follow();
    }
    return this.controller.signal;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.stopFollowing();
    this.controller?.abort(reason);
  }

  /** Enters the scope in `task`: becomes the top of its stack. */
  enter(task: TaskLike<unknown>): void {
    this.task = task;
    const stack = stacks.get(task);
    if (stack === undefined) stacks.set(task, [this]);
    else {
      this.parent = stack[stack.length - 1] ?? null;
      stack.push(this);
    }
    this.active = true;
    if (this.controller !== null && !this.aborted) this.follow();
  }

  /** Leaves the scope: off the stack, no listener left behind. */
  exit(): void {
    this.active = false;
    this.stopFollowing();
    const task = this.task;
    if (task === null) return;
    const stack = stacks.get(task);
    if (stack !== undefined) {
      const i = stack.lastIndexOf(this);
      if (i >= 0) stack.splice(i, 1);
      if (stack.length === 0) stacks.delete(task);
    }
    this.parent = null;
  }

  private follow(): void {
    if (this.unlisten !== null || this.task === null) return;
    const parentSignal = this.parent?.signal ?? null;
    if (parentSignal?.aborted) {
      this.abort(parentSignal.reason);
      return;
    }
    const taskSignal = this.task.signal;
    const onParentAbort = () => this.abort(parentSignal!.reason);
    const onTaskAbort = () => {
      if (!this.requestedWithin()) this.abort(taskSignal.reason);
    };
    parentSignal?.addEventListener("abort", onParentAbort, { once: true });
    // A task signal aborted earlier (by a request since withdrawn) cannot tell us more.
    if (!taskSignal.aborted) taskSignal.addEventListener("abort", onTaskAbort, { once: true });
    this.unlisten = () => {
      parentSignal?.removeEventListener("abort", onParentAbort);
      taskSignal.removeEventListener("abort", onTaskAbort);
    };
  }

  /** True while this scope, or one inside it, is cancelling the task itself. */
  private requestedWithin(): boolean {
    for (let s = requester; s !== null; s = s.parent) if (s === this) return true;
    return false;
  }

  private stopFollowing(): void {
    this.unlisten?.();
    this.unlisten = null;
  }
}

const stacks = new WeakMap<TaskLike<unknown>, ScopeSignal[]>();
let requester: ScopeSignal | null = null;

/** @internal Cancels `task` on behalf of the scope owning `source`. */
export function cancelTaskFrom(
  source: ScopeSignal,
  task: TaskLike<unknown>,
  message?: string,
): boolean {
  const previous = requester;
  requester = source;
  try {
    return task.cancel(message);
  } finally {
    requester = previous;
  }
}
