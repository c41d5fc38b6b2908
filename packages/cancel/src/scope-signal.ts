import type { TaskLike } from "@corio/interfaces";

/**
 * @internal The `AbortSignal` side of a scope (a timeout or a task group).
 *
 * How it works: the controller is made on first access. A scope aborts it when it cancels its
 * own block. Scopes entered in the same task form a stack; a scope's signal also follows the
 * signal of the scope around it, since cancelling the outer block cancels the inner one too. The
 * listener on the parent is removed when the scope exits.
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
    const parent = this.parent;
    if (parent === null || this.unlisten !== null) return;
    const parentSignal = parent.signal;
    if (parentSignal.aborted) {
      this.abort(parentSignal.reason);
      return;
    }
    const onAbort = () => this.abort(parentSignal.reason);
    parentSignal.addEventListener("abort", onAbort, { once: true });
    this.unlisten = () => parentSignal.removeEventListener("abort", onAbort);
  }

  private stopFollowing(): void {
    this.unlisten?.();
    this.unlisten = null;
  }
}

const stacks = new WeakMap<TaskLike<unknown>, ScopeSignal[]>();
