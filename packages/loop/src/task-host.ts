// The loop's side of the `TaskHost` contract (see `@corio/interfaces`): what the task package may
// use, and nothing more. The loop reads `current` and `tasks` for its public task API and listings.
import type {
  ContextLike,
  FutureLike,
  LoopInstrument,
  TaskHost,
  TaskLike,
  TaskRegistry,
  TimerEntry,
  Waker,
} from "@corio/interfaces";
import { contextOption, contextSlot } from "./context.js";
import type { Future } from "./future.js";
import type { EventLoop } from "./loop.js";

export class LoopTaskHost implements TaskHost {
  current: TaskLike<unknown> | null = null;
  hooks: LoopInstrument | null = null;
  tasks: TaskRegistry | null = null;
  readonly contexts = contextSlot;
  private count = 0;

  constructor(private readonly loop: EventLoop) {}

  push<A, B = undefined>(fn: (a: A, b: B) => void, a: A, b?: B): void {
    this.loop._push(fn, a, b);
  }

  contextOption(name: string, options: { context?: unknown } | undefined): ContextLike | null {
    return contextOption(name, options);
  }

  nextTaskNumber(): number {
    return ++this.count;
  }

  addWaker(future: FutureLike<unknown>, waker: Waker): void {
    (future as Future<unknown>)._addWaker(waker);
  }

  removeWaker(future: FutureLike<unknown>, waker: Waker): void {
    (future as Future<unknown>).removeDoneCallback(waker as never);
  }

  startTimer(entry: TimerEntry, delay: number): void {
    this.loop._startTimer(entry, delay);
  }

  cancelTimer(entry: TimerEntry): void {
    this.loop._timers.cancel(entry);
  }

  addQuietSignalHandler(sig: string, callback: () => void): () => void {
    const table = this.loop._signalTable();
    table.add(sig, callback, false);
    return () => {
      if (!this.loop.isClosed() && table.callbackOf(sig) === callback) table.remove(sig);
    };
  }

  /** The loop's task listing (`formatTasks()`): the live tasks, then what is pending outside. */
  listing(outside: string[]): string {
    const tasks = this.tasks;
    const n = tasks?.size ?? 0;
    const lines = [`${n} pending task${n === 1 ? "" : "s"}:`];
    if (tasks !== null) lines.push(...tasks.describe(this.current));
    if (outside.length > 0) lines.push(`outside the loop: ${outside.join(", ")}`);
    return lines.join("\n");
  }
}
