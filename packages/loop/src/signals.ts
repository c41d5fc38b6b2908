/**
 * Unix signal handlers for the event loop: `loop.addSignalHandler(sig, callback)` and
 * `loop.removeSignalHandler(sig)`, asyncio's names.
 *
 * How it works: each loop keeps one handler per signal. The first handler installs a
 * `process.on(name, listener)` listener; the listener only queues the callback on the loop (as
 * asyncio's signal wakeup does), so the callback runs as an ordinary loop callback and an error in
 * it goes to the exception handler. The table registers one close callback with the loop, so
 * closing the loop removes every listener it installed. A loop with nothing to do but a signal
 * handler is waiting for that signal, not deadlocked (asyncio would sit in `select()`). The host is reached through
 * `globalThis.process` (no `node:` import), which keeps `@corio/loop` loadable in browsers: there the
 * two methods throw a clear error instead.
 */
import * as I from "@corio/interfaces";

const { RuntimeError } = I;
const describe = I.describeValue;

interface NodeProcessLike {
  on(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
  listenerCount(event: string): number;
  getBuiltinModule?: (name: string) => unknown;
  platform?: string;
}

/** The Node.js `process` object, or null in a browser (or another host without signals). */
export function hostProcess(): NodeProcessLike | null {
  const p = (globalThis as { process?: Partial<NodeProcessLike> }).process;
  return p !== undefined && typeof p.on === "function" && typeof p.removeListener === "function"
    ? (p as NodeProcessLike)
    : null;
}

let signalNumbers: Record<string, number> | undefined;

/** `os.constants.signals`, through `process.getBuiltinModule` (Node 20.16+; older: names only). */
function signalTable(proc: NodeProcessLike): Record<string, number> | undefined {
  signalNumbers ??= (
    proc.getBuiltinModule?.("node:os") as { constants?: { signals?: Record<string, number> } }
  )?.constants?.signals;
  return signalNumbers;
}

/**
 * Checks `sig` and returns its name: a name such as `"SIGTERM"` or a signal number.
 *
 * @throws {@link RuntimeError} outside Node.js, or for SIGKILL and SIGSTOP, which cannot be caught.
 * @throws {TypeError} if `sig` is neither a string nor a number.
 * @throws {RangeError} if `sig` names no signal of this platform.
 */
export function signalName(method: string, sig: unknown): string {
  const proc = hostProcess();
  if (proc === null) {
    throw new RuntimeError(
      `${method} needs Node.js (it uses process.on): signals do not exist in browsers`,
    );
  }
  const table = signalTable(proc);
  let name: string | undefined;
  if (typeof sig === "string") {
    if (table === undefined ? /^SIG[A-Z0-9]+$/.test(sig) : Object.hasOwn(table, sig)) name = sig;
  } else if (typeof sig === "number") {
    if (table !== undefined) name = Object.keys(table).find((k) => table[k] === sig);
  } else {
    throw new TypeError(
      `${method}: sig must be a signal name such as "SIGINT" or a signal number, got ${describe(sig)}`,
    );
  }
  if (name === undefined) {
    throw new RangeError(`${method}: sig must be a signal of this platform, got ${describe(sig)}`);
  }
  if (name === "SIGKILL" || name === "SIGSTOP") {
    throw new RuntimeError(`${method}: ${name} cannot be caught`);
  }
  return name;
}

interface Installed {
  callback: () => void;
  listener: () => void;
  keepsAlive: boolean;
}

/** @internal One loop's signal handlers. */
export class SignalHandlers {
  /** @internal */ private readonly _loop: I.EventLoop;
  /** @internal */ private readonly _byName = new Map<string, Installed>();
  /** @internal */ private _forget: (() => void) | null = null;

  constructor(loop: I.EventLoop) {
    this._loop = loop;
  }

  /**
   * Installs `callback` for `sig`. While a handler that `keepsAlive` is installed, a loop with
   * nothing else to do is waiting for the signal, not deadlocked (asyncio would sit in `select()`);
   * `run()`'s own SIGINT handler passes `false`, so it never hides a deadlock.
   */
  add(sig: unknown, callback: unknown, keepsAlive = true): void {
    const name = signalName("addSignalHandler(sig, callback)", sig);
    if (typeof callback !== "function") {
      throw new TypeError(
        `addSignalHandler(sig, callback): callback must be a function, got ${describe(callback)}`,
      );
    }
    if (Object.prototype.toString.call(callback) === "[object GeneratorFunction]") {
      throw new TypeError(
        "addSignalHandler(sig, callback): callback must be a plain function, not a coroutine function: start a task from it with createTask",
      );
    }
    if (this._loop.isClosed()) throw new RuntimeError("Event loop is closed");
    this.remove(name);
    const loop = this._loop;
    const cb = callback as () => void;
    const listener = () => {
      if (!loop.isClosed()) loop.callSoon(cb);
    };
    hostProcess()!.on(name, listener);
    this._byName.set(name, { callback: cb, listener, keepsAlive });
    this._forget ??= loop.addCloseCallback(() => this.clear());
  }

  remove(sig: unknown): boolean {
    const name = signalName("removeSignalHandler(sig)", sig);
    const installed = this._byName.get(name);
    if (installed === undefined) return false;
    this._byName.delete(name);
    hostProcess()!.removeListener(name, installed.listener);
    if (this._byName.size === 0 && this._forget !== null) {
      this._forget();
      this._forget = null;
    }
    return true;
  }

  /** True while a handler is installed that the loop may be waiting for. */
  waitsForSignal(): boolean {
    for (const installed of this._byName.values()) if (installed.keepsAlive) return true;
    return false;
  }

  /** The callback installed for `name`, if any. */
  callbackOf(name: string): (() => void) | undefined {
    return this._byName.get(name)?.callback;
  }

  /** Removes every listener (the loop is closing). */
  clear(): void {
    const proc = hostProcess();
    for (const [name, { listener }] of this._byName) proc?.removeListener(name, listener);
    this._byName.clear();
    this._forget = null;
  }
}
