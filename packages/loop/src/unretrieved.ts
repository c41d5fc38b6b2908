/**
 * Failures nobody retrieved: "Task exception was never retrieved", reported as asyncio does.
 *
 * How it works: when a future fails, the loop files a report (the exception, whether it is a task,
 * its name and creation stack) and watches the future with a `FinalizationRegistry`, which holds
 * the report but not the future. If something reads the exception (`result()`, `exception()`,
 * awaiting the future), the report is withdrawn. If the future is garbage-collected first, nothing
 * can ever read it, so the report goes to the loop's exception handler then, while the loop keeps
 * running (asyncio reports from the future's finalizer). When the loop closes, the futures still
 * alive and unread are reported at once, so a program that ends is never silent about them.
 * Nothing here keeps a finished future alive: a service that runs one loop for weeks holds one
 * report per failed future that is still reachable, and none for the rest.
 *
 * Where the host has no `WeakRef`/`FinalizationRegistry`, reports wait for `close()`.
 */
import type * as I from "@corio/interfaces";

/** What is known of a failed future, kept without keeping the future. */
interface Report {
  readonly ref: { deref(): object | undefined } | null;
  readonly strong: object | null;
  readonly exception: unknown;
  readonly isTask: boolean;
  readonly name: string | undefined;
  readonly creationStack: string | undefined;
}

/** The parts of a failed future a report reads: a task names itself and, in debug mode, where it was made. */
export interface FailedFuture {
  readonly [Symbol.toStringTag]: string;
  getName?(): string;
  /** @internal */ _rare?: { creationStack?: string | undefined } | null;
}

const hasWeak =
  typeof (globalThis as { WeakRef?: unknown }).WeakRef === "function" &&
  typeof (globalThis as { FinalizationRegistry?: unknown }).FinalizationRegistry === "function";

/** @internal The loop's book of unread failures. */
export class Unretrieved {
  /** @internal */ private readonly _live = new Set<Report>();
  /** @internal */ private readonly _byFuture = new WeakMap<object, Report>();
  /** @internal */ private readonly _registry: FinalizationRegistry<Report> | null;

  constructor(private readonly _report: (context: I.ExceptionContext) => void) {
    this._registry = hasWeak ? new FinalizationRegistry((r: Report) => this._collected(r)) : null;
  }

  /** How many failures are filed and not yet retrieved or reported. */
  get size(): number {
    return this._live.size;
  }

  /** Files `future`'s `exception` until it is read, collected, or the loop closes. */
  add(future: FailedFuture & object, exception: unknown): void {
    // Until its stack is read, V8 keeps an error's stack frames as objects, the receivers
    // included, and a task's step is one of them: the report would keep the task alive through
    // its own exception. Reading `stack` once turns the frames into a string.
    if (exception instanceof Error) void exception.stack;
    const isTask = future[Symbol.toStringTag] === "Task";
    const report: Report = {
      ref: this._registry !== null ? new WeakRef(future) : null,
      strong: this._registry !== null ? null : future,
      exception,
      isTask,
      name: isTask ? future.getName?.() : undefined,
      creationStack: future._rare?.creationStack,
    };
    this._live.add(report);
    this._byFuture.set(future, report);
    this._registry?.register(future, report, report);
  }

  /** `future`'s exception was read: nothing to report. */
  delete(future: object): void {
    const report = this._byFuture.get(future);
    if (report === undefined) return;
    this._byFuture.delete(future);
    this._live.delete(report);
    this._registry?.unregister(report);
  }

  /** The loop closes: reports every failure still filed, in the order they happened. */
  flush(): void {
    const reports = [...this._live];
    this._live.clear();
    for (const report of reports) {
      this._registry?.unregister(report);
      const future = report.ref !== null ? report.ref.deref() : report.strong;
      if (future != null) this._byFuture.delete(future);
      this._send(report, future ?? undefined);
    }
  }

  /** @internal */ private _collected(report: Report): void {
    if (this._live.delete(report)) this._send(report, undefined);
  }

  /** @internal */ private _send(report: Report, future: object | undefined): void {
    const context: I.ExceptionContext = {
      message: `${report.isTask ? "Task" : "Future"} exception was never retrieved`,
      exception: report.exception,
    };
    // The future itself when it is still alive; once collected, the task's name stands for it.
    if (future !== undefined) context.future = future as I.FutureLike<unknown>;
    else if (report.name !== undefined) context.task_name = report.name;
    if (report.creationStack !== undefined) context.source_traceback = report.creationStack;
    this._report(context);
  }
}
