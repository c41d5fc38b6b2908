/**
 * Ctrl-C for `run()`, as `asyncio.run` handles it since Python 3.11.
 *
 * How it works: while the main task runs, the loop has a SIGINT handler (in the table behind
 * `loop.addSignalHandler`, so a handler the program installs for SIGINT replaces it, as in asyncio).
 * The first Ctrl-C cancels the main task: its `finally` blocks run, and when it ends cancelled
 * `run()` rejects with `KeyboardInterrupt` (after the usual shutdown: every other task cancelled and
 * awaited, the loop closed). A second Ctrl-C before the main task has finished stops waiting for it
 * at once (asyncio raises `KeyboardInterrupt` out of the loop there): the shutdown still cancels and
 * awaits every task, the main one included, then `run()` rejects with `KeyboardInterrupt`. Once the
 * main task is done the handler is removed, so Node's default applies again during the shutdown:
 * another Ctrl-C ends the process at once (asyncio restores `default_int_handler` at the same
 * point, whose `KeyboardInterrupt` aborts the shutdown).
 *
 * Exit code: when `run()` rejects with `KeyboardInterrupt` it sets `process.exitCode = 130` (unless
 * the program already chose one), the shell's code for "ended by SIGINT". If the error is left
 * uncaught, Node would exit with 1; a one-time `exit` listener, installed only after a Ctrl-C, puts
 * 130 back. A program that catches `KeyboardInterrupt` and carries on resets `process.exitCode`.
 *
 * Nothing is installed outside Node.js, when `run()` is given `handleSigint: false`, or when the
 * process already has a SIGINT listener of its own (asyncio likewise leaves a custom handler alone).
 */
import * as I from "@corio/interfaces";
import type { EventLoop } from "@corio/loop";
import type { Task } from "./task.js";

const { KeyboardInterrupt, isCancelledError } = I;

/** The conventional exit code of a process ended by SIGINT (128 + 2). */
export const SIGINT_EXIT_CODE = 130;

interface NodeProcessLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  listenerCount(event: string): number;
  exitCode?: number | string | undefined;
}

function nodeProcess(): NodeProcessLike | null {
  const p = (globalThis as { process?: Partial<NodeProcessLike> }).process;
  return p !== undefined && typeof p.on === "function" && typeof p.listenerCount === "function"
    ? (p as NodeProcessLike)
    : null;
}

/** @internal What `run()` needs from the Ctrl-C handling. */
export interface SigintGuard {
  /** Maps the error the main run failed with to the one `run()` rejects with. */
  translate(error: unknown): unknown;
  /** Removes the handler, if it is still the loop's SIGINT handler; safe to call twice. */
  release(): void;
}

const NO_GUARD: SigintGuard = {
  translate: (error) => error,
  release: () => {},
};

/** @internal Installs `run()`'s SIGINT handler on `loop` for the life of `main`. */
export function guardSigint(loop: EventLoop, main: Task<unknown>, enabled = true): SigintGuard {
  const proc = enabled ? nodeProcess() : null;
  if (proc === null || proc.listenerCount("SIGINT") > 0) return NO_GUARD;
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts === 1 && !main.done()) {
      main.cancel();
      return;
    }
    // The second Ctrl-C: stop waiting for the main task; the shutdown cancels it again.
    loop.stop();
  };
  const table = loop._signalTable();
  table.add("SIGINT", onSigint, false); // never hides a deadlock

  let installed = true;
  return {
    translate(error) {
      if (interrupts === 0) return error;
      const ours =
        interrupts > 1
          ? !main.done() // run stopped early by the second Ctrl-C
          : isCancelledError(error) && main.cancelled() && main.uncancel() === 0;
      if (!ours) return error;
      const interrupt = new KeyboardInterrupt(
        interrupts > 1
          ? "interrupted twice (Ctrl-C): the main task was abandoned, then cancelled at shutdown"
          : "interrupted (Ctrl-C): the main task was cancelled",
      );
      exitWith130(proc, interrupt);
      return interrupt;
    },
    release() {
      if (!installed) return;
      installed = false;
      if (!loop.isClosed() && table.callbackOf("SIGINT") === onSigint) table.remove("SIGINT");
    },
  };
}

function exitWith130(proc: NodeProcessLike, interrupt: Error): void {
  if (proc.exitCode === undefined || proc.exitCode === 0) proc.exitCode = SIGINT_EXIT_CODE;
  // Left uncaught, the error would make Node exit with 1: put 130 back in that case only.
  proc.once("uncaughtExceptionMonitor", (error) => {
    if (error === interrupt) {
      proc.once("exit", () => {
        proc.exitCode = SIGINT_EXIT_CODE;
      });
    }
  });
}
