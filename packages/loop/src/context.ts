/**
 * Contexts of variables (asyncio's `contextvars.Context`): which context is current, copying one,
 * and running code inside one.
 *
 * How it works: one slot (shared by every copy of this package through `Symbol.for`) says which
 * *carrier* runs user code now: a task during its step, a handle while its callback runs, a
 * context inside `Context.run`, or the top level. A carrier's `ctx` is its context, or null while
 * it has none of its own: an empty context is never made until somebody sets a variable, so a
 * program that uses no `ContextVar` makes no context at all, and a task step costs one slot write
 * each way. A context keeps its values in a `Map` it shares with its copies until one of them
 * writes (copy-on-write): `copy()` is O(1), the first write after a copy clones the map.
 */
import {
  type ContextCarrier,
  type ContextLike,
  type ContextSlot,
  describeValue,
  RuntimeError,
} from "@corio/interfaces";
import type { ContextVar } from "./context-var.js";

type Values = Map<ContextVar<unknown>, unknown>;

const NO_VALUES: Values = new Map();

/** The top level's carrier: code outside any task, handle or `Context.run`. */
const TOP: ContextCarrier = { ctx: null };

/** @internal The slot of the current context, one per process (see the note at the top). */
export const contextSlot: ContextSlot = ((globalThis as Record<symbol, unknown>)[
  Symbol.for("@corio/loop/context-slot")
] ??= { current: TOP }) as ContextSlot;

/**
 * A mapping from context variables to their values; code runs in one context at a time. Every
 * task runs in its own copy of the context current when it was created, and every callback in
 * the copy taken when it was scheduled, so a value set in one task stays in that task.
 *
 * @asyncio `contextvars.Context`
 * @example
 * const requestId = new ContextVar<string>("requestId", { default: "-" });
 * const ctx = new Context();
 * ctx.run(() => requestId.set("r-7"));
 * ctx.get(requestId); // "r-7"
 * requestId.get(); // "-": the current context did not change
 */
export class Context implements ContextLike, Iterable<[ContextVar<unknown>, unknown]> {
  /** @internal The values; shared with copies until `_owned`. */ _values: Values;
  /** @internal True when no other context shares `_values`. */ _owned: boolean;
  /** @internal True while `run()` (or a nested one) has it entered. */ _entered = false;
  /** @internal A context is its own carrier while `run()` has it entered. */ ctx: Context;

  /** Makes an empty context (`copyContext()` copies the current one). @asyncio `contextvars.Context()` */
  constructor() {
    this._values = NO_VALUES;
    this._owned = false;
    this.ctx = this;
  }

  /**
   * Calls `fn(...args)` with this context current and returns what it returns; variables `fn` sets
   * stay in this context, and the previous context is current again afterwards, even if it throws.
   *
   * @asyncio `Context.run`
   * @throws {@link RuntimeError} if this context is already entered (by an enclosing `run()`, or it
   * is the context of the task whose step is running).
   * @throws {TypeError} if `fn` is not a function.
   * @example
   * const ctx = copyContext();
   * ctx.run(() => requestId.set("r-2"));
   * ctx.run(() => requestId.get()); // "r-2"
   */
  run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): R {
    if (typeof fn !== "function") {
      throw new TypeError(`Context.run(fn): fn must be a function, got ${describeValue(fn)}`);
    }
    const slot = contextSlot;
    const previous = slot.current;
    const outer = previous.ctx as Context | null;
    if (this._entered || outer === this) {
      throw new RuntimeError(`cannot enter context: ${this} is already entered`);
    }
    // The context we leave counts as entered while we are away, so it cannot be run inside.
    const markOuter = outer !== null && !outer._entered;
    if (markOuter) outer._entered = true;
    this._entered = true;
    slot.current = this;
    try {
      return fn(...args);
    } finally {
      slot.current = previous;
      this._entered = false;
      if (markOuter) outer._entered = false;
    }
  }

  /**
   * A shallow copy: the same variables with the same values, independent from now on. O(1).
   *
   * @asyncio `Context.copy`
   */
  copy(): Context {
    const copy = new Context();
    copy._values = this._values;
    this._owned = false;
    return copy;
  }

  /**
   * The value of `variable` in this context, or `defaultValue` when it has none here (the
   * variable's own default does not apply, as in asyncio).
   *
   * @asyncio `Context.get`
   */
  get<T, D = undefined>(variable: ContextVar<T>, defaultValue?: D): T | D {
    const values = this._values;
    return values.has(variable) ? (values.get(variable) as T) : (defaultValue as D);
  }

  /** True if `variable` has a value in this context. @asyncio `var in context` */
  has(variable: ContextVar<unknown>): boolean {
    return this._values.has(variable);
  }

  /** How many variables have a value in this context. @asyncio `len(context)` */
  get size(): number {
    return this._values.size;
  }

  /** The variables that have a value here. @asyncio `Context.keys` */
  keys(): IterableIterator<ContextVar<unknown>> {
    return this._values.keys();
  }

  /** Their values, in the order of `keys()`. @asyncio `Context.values` */
  values(): IterableIterator<unknown> {
    return this._values.values();
  }

  /** `[variable, value]` pairs. @asyncio `Context.items` */
  entries(): IterableIterator<[ContextVar<unknown>, unknown]> {
    return this._values.entries();
  }

  /**
   * `for (const [variable, value] of ctx)`: the pairs of `entries()`.
   *
   * @asyncio `iter(context)`, which yields only the variables
   */
  [Symbol.iterator](): IterableIterator<[ContextVar<unknown>, unknown]> {
    return this._values.entries();
  }

  /** @internal Sets a value, cloning the shared map first. */
  _set(variable: ContextVar<unknown>, value: unknown): void {
    this._ownValues().set(variable, value);
  }

  /** @internal Removes a value, cloning the shared map first. */
  _delete(variable: ContextVar<unknown>): void {
    if (this._values.has(variable)) this._ownValues().delete(variable);
  }

  /** @internal The values, cloned first if a copy still shares them (copy-on-write). */
  private _ownValues(): Values {
    if (!this._owned) {
      this._values = new Map(this._values);
      this._owned = true;
    }
    return this._values;
  }

  toString(): string {
    return `<Context size=${this._values.size}${this._entered ? " entered" : ""}>`;
  }

  get [Symbol.toStringTag](): string {
    return "Context";
  }
}

/**
 * A copy of the current context: what a task or callback made now would run in.
 *
 * @asyncio `contextvars.copy_context`
 * @example
 * requestId.set("r-1");
 * const snapshot = copyContext();
 * requestId.set("r-2");
 * snapshot.run(() => requestId.get()); // "r-1"
 */
export function copyContext(): Context {
  const ctx = contextSlot.current.ctx as Context | null;
  return ctx === null ? new Context() : ctx.copy();
}

/**
 * @internal What a new task or callback inherits: a copy of the current context, or null when it
 * holds no variable (the empty context, made lazily).
 */
export function inheritContext(): Context | null {
  const ctx = contextSlot.current.ctx as Context | null;
  return ctx === null || ctx._values.size === 0 ? null : ctx.copy();
}

/**
 * @internal The context a task or callback runs in: `options.context`, checked, or else what it
 * inherits (see {@link inheritContext}).
 * @throws {TypeError} naming `name` if `options.context` is given and is not a `Context`.
 */
export function contextOption(
  name: string,
  options: { context?: unknown } | undefined,
): Context | null {
  if (options === undefined || options === null) return inheritContext();
  const ctx = options.context;
  if (ctx === undefined) return inheritContext();
  if (!(ctx instanceof Context)) {
    throw new TypeError(`${name}: options.context must be a Context, got ${describeValue(ctx)}`);
  }
  return ctx;
}

/** @internal The carrier of a callback without a context of its own (see `runBare`). */
const BARE: ContextCarrier = { ctx: null };

/**
 * @internal Runs `fn(a, b)` in an empty context that is dropped afterwards: a done callback added
 * where no variable was set must not see (or change) the context of whatever runs the loop.
 */
export function runBare<A, B>(fn: (a: A, b: B) => void, a: A, b: B): void {
  try {
    runIn(BARE, fn, a, b);
  } finally {
    BARE.ctx = null;
  }
}

/** @internal Runs `fn(a, b)` with `carrier`'s context current. */
export function runIn<A, B>(carrier: ContextCarrier, fn: (a: A, b: B) => void, a: A, b: B): void {
  const slot = contextSlot;
  const previous = slot.current;
  slot.current = carrier;
  try {
    fn(a, b);
  } finally {
    slot.current = previous;
  }
}
