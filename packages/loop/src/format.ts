import type { FutureLike } from "@corio/interfaces";

/** @internal What a listing reads from a task; corio's Task provides it. */
export interface TaskView {
  getName(): string;
  done(): boolean;
  _futWaiter?: FutureLike<unknown> | null;
  _parent?: TaskView | null;
  _creationStack?: string | undefined;
  _waitingOnYield?: boolean;
}

function describeWait(task: TaskView, current: TaskView | null): string {
  if (task === current) return "running";
  const waiter = task._futWaiter;
  if (waiter === null || waiter === undefined) {
    return task._waitingOnYield ? "ready (gave up control for one iteration)" : "ready to run";
  }
  const maybeTask = waiter as unknown as Partial<TaskView>;
  if (typeof maybeTask.getName === "function" && "_futWaiter" in waiter) {
    return `waiting on task "${maybeTask.getName()}"`;
  }
  return `waiting on ${waiter.label ?? "a future"}`;
}

/**
 * @internal Renders the task tree: each task under the task that created it, with its state and
 * what it waits on.
 */
export function formatTasks(
  tasks: Iterable<TaskView> & { has(task: TaskView): boolean; readonly size: number },
  current: TaskView | null,
  external: string[],
): string {
  const children = new Map<TaskView | null, TaskView[]>();
  for (const task of tasks) {
    const parent = task._parent && tasks.has(task._parent) ? task._parent : null;
    let list = children.get(parent);
    if (list === undefined) children.set(parent, (list = []));
    list.push(task);
  }
  const lines: string[] = [`${tasks.size} pending task${tasks.size === 1 ? "" : "s"}:`];
  const walk = (parent: TaskView | null, depth: number) => {
    for (const task of children.get(parent) ?? []) {
      const indent = "  ".repeat(depth + 1);
      lines.push(`${indent}- ${task.getName()}: ${describeWait(task, current)}`);
      if (task._creationStack) {
        const where = task._creationStack
          .split("\n")
          .slice(1, 4)
          .map((l) => l.trim());
        for (const line of where) lines.push(`${indent}    created ${line}`);
      }
      walk(task, depth + 1);
    }
  };
  walk(null, 0);
  for (const cycle of awaitCycles(tasks)) {
    lines.push(`await cycle: ${cycle.map((t) => t.getName()).join(" -> ")}`);
  }
  if (external.length > 0) {
    lines.push(`outside the loop: ${external.join(", ")}`);
  }
  return lines.join("\n");
}

/** The task a task waits on, if it waits on a task of the listing. */
function awaitedTask(task: TaskView, tasks: { has(task: TaskView): boolean }): TaskView | null {
  const waiter = task._futWaiter as unknown as TaskView | null | undefined;
  return waiter != null && tasks.has(waiter) ? waiter : null;
}

/**
 * @internal Every cycle of tasks awaiting each other (A waits on B, B on A), each once, as the
 * tasks along it with the first repeated at the end. Such tasks can never finish by themselves.
 */
export function awaitCycles(
  tasks: Iterable<TaskView> & { has(task: TaskView): boolean },
): TaskView[][] {
  const cycles: TaskView[][] = [];
  const seen = new Set<TaskView>();
  for (const start of tasks) {
    if (seen.has(start)) continue;
    const path: TaskView[] = [];
    const onPath = new Set<TaskView>();
    for (let t: TaskView | null = start; t !== null && !seen.has(t); t = awaitedTask(t, tasks)) {
      path.push(t);
      onPath.add(t);
      seen.add(t);
      const next = awaitedTask(t, tasks);
      if (next !== null && onPath.has(next)) {
        cycles.push([...path.slice(path.indexOf(next)), next]);
        break;
      }
    }
  }
  return cycles;
}
