/**
 * `Process`: a running child with asyncio's methods (`wait`, `communicate`, `sendSignal`, ...).
 *
 * How it works: Node's `ChildProcess` events drive it. `exit` sets `returncode` (the exit code, or
 * minus the signal number for a child killed by a signal); `close` (exit, and every pipe closed)
 * wakes the `wait()`ers, as asyncio 3.12+ wakes them once the process has exited and its pipes are
 * disconnected. Every wait holds `loop.trackExternal`, so a virtual clock stands still while a
 * child may still answer and the loop reports no deadlock. The pipes are `@corio/streams`'
 * StreamReader / StreamWriter, made by its `readerFromStream` / `writerFromStream`. The process
 * registers a loop close callback: if the loop closes while the child still runs, the child is
 * killed (SIGKILL), its pipes destroyed, and the kill reported through the loop's exception
 * handler.
 */
import type { ChildProcess } from "node:child_process";
import { constants } from "node:os";
import { PassThrough, type Readable } from "node:stream";
import * as I from "@corio/interfaces";
import {
  readerFromStream,
  type StreamReader,
  type StreamWriter,
  writerFromStream,
} from "@corio/streams";
import { ProcessLookupError } from "./errors.js";

const { describeValue: describe } = I;

/**
 * A signal as `sendSignal` takes it: a name such as `"SIGTERM"`, or its number.
 *
 * @asyncio the `signal.Signals` given to `Process.send_signal`
 * @example
 * proc.sendSignal("SIGINT");
 */
export type Signal = NodeJS.Signals | number;

function signalNumber(name: string | null): number {
  return name === null ? 0 : ((constants.signals as Record<string, number>)[name] ?? 0);
}

/** @internal How the child's pipes map onto readers and writers. */
export interface PipeLayout {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  limit: number;
  /** Windows only: stderr=STDOUT without a shell to merge; both pipes feed the stdout reader. */
  mergeByHand: boolean;
}

/**
 * A child process started by `createSubprocessExec` or `createSubprocessShell`.
 *
 * @asyncio `asyncio.subprocess.Process`
 * @example
 * const proc = yield* createSubprocessExec("ls", ["-l"], { stdout: PIPE });
 * const [out] = yield* proc.communicate();
 * console.log(proc.returncode, out!.toString());
 */
export class Process {
  /** The child's process id. @asyncio `Process.pid` */
  readonly pid: number;
  /** The child's stdin when it was created with `stdin: PIPE`, else `null`. @asyncio `Process.stdin` */
  readonly stdin: StreamWriter | null;
  /** The child's stdout when created with `stdout: PIPE`, else `null`. @asyncio `Process.stdout` */
  readonly stdout: StreamReader | null;
  /** The child's stderr when created with `stderr: PIPE`, else `null`. @asyncio `Process.stderr` */
  readonly stderr: StreamReader | null;

  /** @internal */ private readonly _child: ChildProcess;
  /** @internal */ private readonly _loop: I.EventLoop;
  /** @internal */ private readonly _label: string;
  /** @internal */ private _returncode: number | null = null;
  /** @internal */ private _finished = false;
  /** @internal */ private readonly _waiters = new Set<I.Future<number>>();
  /** @internal */ private _forget: (() => void) | null;

  /** @internal Made by `createSubprocessExec` / `createSubprocessShell` once the child has spawned. */
  constructor(loop: I.EventLoop, child: ChildProcess, layout: PipeLayout, label: string) {
    this._loop = loop;
    this._child = child;
    this._label = label;
    this.pid = child.pid!;
    const { limit } = layout;
    const stdin = child.stdin;
    this.stdin =
      layout.stdin && stdin !== null
        ? writerFromStream(stdin, {
            loop,
            // asyncio's subprocess pipes answer get_extra_info("pipe") with the pipe itself.
            extraInfo: (name) => (name === "pipe" ? stdin : undefined),
          })
        : null;
    this.stdout = layout.stdout
      ? readerFromStream(
          layout.mergeByHand && child.stderr !== null
            ? merged(child.stdout!, child.stderr)
            : child.stdout!,
          { limit, loop },
        )
      : null;
    this.stderr = layout.stderr ? readerFromStream(child.stderr!, { limit, loop }) : null;
    child.on("exit", (code, signal) => {
      this._returncode = code ?? -signalNumber(signal);
    });
    child.on("close", (code, signal) => {
      this._returncode ??= code ?? -signalNumber(signal);
      this._finish();
    });
    // After spawning, 'error' means a signal could not be sent: nobody awaits it, so report it.
    child.on("error", (error) => {
      if (!loop.isClosed()) {
        loop.callExceptionHandler({ message: `${label}: child process error`, exception: error });
      }
    });
    this._forget = loop.addCloseCallback(() => this._onLoopClose());
  }

  /**
   * The exit code once the child has exited: minus the signal number if a signal ended it (`-9`
   * after `kill()`), `null` while it runs.
   *
   * @asyncio `Process.returncode`
   */
  get returncode(): number | null {
    return this._returncode;
  }

  /**
   * Waits for the child to exit and its pipes to close, and returns its `returncode`. Returns at
   * once if the child has already exited. Cancelling the wait does not stop the child (asyncio does
   * not either): kill it yourself if that is what you want.
   *
   * With `stdout: PIPE` or `stderr: PIPE`, read the pipe (or use `communicate()`): a child writing
   * more than the pipe and the reader's buffer hold blocks until somebody reads, and `wait()` with
   * it, as in asyncio.
   *
   * @asyncio `Process.wait`
   * @throws {@link CancelledError} if the task is cancelled while waiting; the child keeps running.
   * @example
   * const code = yield* proc.wait();
   */
  *wait(): I.Coroutine<number> {
    if (this._returncode !== null) return this._returncode;
    const fut = this._loop.createFuture<number>(`${this._label}.wait()`);
    this._waiters.add(fut);
    const release = this._loop.trackExternal(`${this._label}: waiting for it to exit`);
    try {
      return yield* fut;
    } finally {
      release();
      this._waiters.delete(fut);
    }
  }

  /**
   * Sends `input` (if given) to stdin and closes it, reads stdout and stderr to their end at the same
   * time (so no pipe fills up, whatever the sizes), waits for the child to exit, and returns
   * `[stdout, stderr]`: each a `Buffer` if that stream was a `PIPE`, else `null`.
   *
   * A child that stops reading its stdin (EPIPE) is not an error here, as in asyncio.
   *
   * @asyncio `Process.communicate`
   * @throws {TypeError} if `input` is not bytes, a string or `null`.
   * @throws {@link CancelledError} if the task is cancelled; the child keeps running, and what was
   * read so far is lost (as in asyncio).
   * @example
   * const [out, err] = yield* proc.communicate("some input\n");
   */
  *communicate(input?: Uint8Array | string | null): I.Coroutine<[Buffer | null, Buffer | null]> {
    if (input !== undefined && input !== null && typeof input !== "string") {
      if (!(input instanceof Uint8Array)) {
        throw new TypeError(
          `communicate(input): input must be a Uint8Array (a Buffer), a string or null, got ${describe(input)}`,
        );
      }
    }
    const loop = this._loop;
    const parts: (I.TaskLike<Buffer | null> | null)[] = [
      this.stdin === null ? null : loop.createTask(feedStdin(this.stdin, input ?? null)),
      this.stdout === null ? null : loop.createTask(this.stdout.read(-1)),
      this.stderr === null ? null : loop.createTask(this.stderr.read(-1)),
    ];
    const results: (Buffer | null)[] = [];
    try {
      for (const part of parts) results.push(part === null ? null : yield* part);
    } finally {
      for (const part of parts) if (part !== null && !part.done()) part.cancel();
    }
    yield* this.wait();
    return [results[1]!, results[2]!];
  }

  /**
   * Sends signal `sig` to the child. Does nothing if it has exited but `wait()` has not seen its
   * pipes close yet.
   *
   * @asyncio `Process.send_signal`
   * @throws {@link ProcessLookupError} once the child has exited and its pipes have closed.
   * @throws {TypeError} if `sig` is neither a signal name nor a number; Node's error for an
   * unknown signal name.
   * @example
   * proc.sendSignal("SIGINT");
   */
  sendSignal(sig: Signal): void {
    if (typeof sig !== "string" && typeof sig !== "number") {
      throw new TypeError(
        `sendSignal(sig): sig must be a signal name such as "SIGTERM" or a number, got ${describe(sig)}`,
      );
    }
    if (this._finished) {
      throw new ProcessLookupError(`sendSignal(${String(sig)}): process ${this.pid} has exited`);
    }
    if (this._returncode !== null) return;
    this._child.kill(sig);
  }

  /** Sends SIGTERM. @asyncio `Process.terminate` @throws {@link ProcessLookupError} as `sendSignal`. */
  terminate(): void {
    this.sendSignal("SIGTERM");
  }

  /** Sends SIGKILL. @asyncio `Process.kill` @throws {@link ProcessLookupError} as `sendSignal`. */
  kill(): void {
    this.sendSignal("SIGKILL");
  }

  /** @internal */
  toString(): string {
    return `<Process ${this.pid}>`;
  }

  /** @internal */ private _finish(): void {
    this._finished = true;
    if (this._forget !== null) {
      this._forget();
      this._forget = null;
    }
    if (this._loop.isClosed()) return;
    const code = this._returncode!;
    for (const fut of this._waiters) if (!fut.done()) fut.setResult(code);
  }

  /** @internal The loop is closing: nothing may outlive it. */
  private _onLoopClose(): void {
    this._forget = null;
    const child = this._child;
    const running = this._returncode === null;
    if (running) child.kill("SIGKILL");
    child.stdin?.destroy();
    child.stdout?.destroy();
    child.stderr?.destroy();
    child.unref();
    if (running) {
      this._loop.callExceptionHandler({
        message: `the loop closed while ${this._label} (pid ${this.pid}) was still running: killed it with SIGKILL`,
      });
    }
  }
}

/**
 * @internal One Readable carrying what `a` and `b` deliver, in arrival order, ending when both have ended:
 * Windows' stand-in for `stderr: STDOUT` when no shell merges the two pipes. `pipe()` carries
 * backpressure: while the reader keeps the merged stream paused, both sources wait.
 */
export function merged(a: Readable, b: Readable): Readable {
  const out = new PassThrough();
  let open = 2;
  for (const source of [a, b]) {
    source.pipe(out, { end: false });
    source.once("end", () => {
      if (--open === 0) out.end();
    });
    source.once("error", (error) => out.destroy(error));
  }
  return out;
}

function* feedStdin(stdin: StreamWriter, input: Uint8Array | string | null): I.Coroutine<null> {
  try {
    if (input !== null) stdin.write(input);
    yield* stdin.drain();
  } catch (error) {
    // asyncio's communicate() ignores BrokenPipeError and ConnectionResetError here.
    const code = (error as { code?: unknown } | null)?.code;
    if (code !== "EPIPE" && code !== "ECONNRESET") throw error;
  }
  stdin.close();
  return null;
}
