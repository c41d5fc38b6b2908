/**
 * The live tasks of a loop (the `TaskRegistry` of `@corio/interfaces`): a doubly linked list
 * threaded through the tasks themselves, and the listing the loop prints from it.
 *
 * A list rather than a `Set`: adding and removing a task is a few field writes, with no hashing (a
 * Set has to give every task an identity hash) and no table to grow, rehash or shrink. That matters
 * when a program creates and finishes hundreds of thousands of tasks. Iteration is in creation
 * order, like a Set's; callers that add or remove tasks while iterating copy the list first.
 */
import type { TaskLike, TaskRegistry } from "@corio/interfaces";
import { type Task, YIELDED } from "./task.js";

export class TaskList implements TaskRegistry {
  private head: Task<unknown> | null = null;
  private tail: Task<unknown> | null = null;
  /** Number of tasks in the list. */
  size = 0;

  /** Adds a task that was just created (each task is added once, by its constructor). */
  add(task: TaskLike<unknown>): void {
    const node = task as Task<unknown>;
    node._prevLive = this.tail;
    node._nextLive = null;
    if (this.tail === null) this.head = node;
    else this.tail._nextLive = node;
    this.tail = node;
    this.size++;
  }

  delete(task: TaskLike<unknown>): boolean {
    const node = task as Task<unknown>;
    if (!this.has(node)) return false;
    const prev = node._prevLive;
    const next = node._nextLive;
    if (prev === null) this.head = next;
    else prev._nextLive = next;
    if (next === null) this.tail = prev;
    else next._prevLive = prev;
    node._prevLive = null;
    node._nextLive = null;
    this.size--;
    return true;
  }

  private has(node: Task<unknown>): boolean {
    return this.head === node || node._prevLive != null;
  }

  *[Symbol.iterator](): Iterator<TaskLike<unknown>> {
    for (let node = this.head; node !== null; ) {
      const next = node._nextLive;
      yield node;
      node = next;
    }
  }

  /** The listing's lines: each task under the task that created it, with what it waits on. */
  describe(current: TaskLike<unknown> | null): string[] {
    const children = new Map<Task<unknown> | null, Task<unknown>[]>();
    for (let task = this.head; task !== null; task = task._nextLive) {
      const parent = task._parent;
      const key = parent !== null && this.has(parent) ? parent : null;
      let list = children.get(key);
      if (list === undefined) children.set(key, (list = []));
      list.push(task);
    }
    const lines: string[] = [];
    const walk = (parent: Task<unknown> | null, depth: number) => {
      for (const task of children.get(parent) ?? []) {
        const indent = "  ".repeat(depth + 1);
        lines.push(`${indent}- ${task.getName()}: ${describeWait(task, current)}`);
        const stack = task._rare?.creationStack;
        if (stack) {
          for (const line of stack.split("\n").slice(1, 4)) {
            lines.push(`${indent}    created ${line.trim()}`);
          }
        }
        walk(task, depth + 1);
      }
    };
    walk(null, 0);
    for (const cycle of this.cycles()) lines.push(`  await cycle: ${cycle}`);
    return lines;
  }

  /** Every cycle of live tasks waiting on each other, as `"A" → "B" → "A"`. */
  private cycles(): string[] {
    const state = new Map<Task<unknown>, "on path" | "seen">();
    const found: string[] = [];
    for (let start = this.head; start !== null; start = start._nextLive) {
      const path: Task<unknown>[] = [];
      let task: Task<unknown> | null = start;
      while (task !== null && !state.has(task)) {
        state.set(task, "on path");
        path.push(task);
        task = waitedTask(task);
      }
      if (task !== null && state.get(task) === "on path") {
        const cycle = path.slice(path.indexOf(task));
        found.push([...cycle, task].map((t) => `"${t.getName()}"`).join(" → "));
      }
      for (const t of path) state.set(t, "seen");
    }
    return found;
  }
}

/** The live corio task that `task` waits on, if it waits on one. */
function waitedTask(task: Task<unknown>): Task<unknown> | null {
  const waiter = task._futWaiter as Task<unknown> | null;
  return waiter !== null && waiter._futWaiter !== undefined && !waiter.done() ? waiter : null;
}

function describeWait(task: Task<unknown>, current: TaskLike<unknown> | null): string {
  if (task === current) return "running";
  const waiter = task._futWaiter;
  if (waiter === null) {
    return (task._flags & YIELDED) !== 0
      ? "ready (gave up control for one iteration)"
      : "ready to run";
  }
  const waited = waiter as Partial<TaskLike<unknown>>;
  if (typeof waited.getCoro === "function" && typeof waited.getName === "function") {
    return `waiting on task "${waited.getName()}"`;
  }
  return `waiting on ${waiter.label ?? "a future"}`;
}
