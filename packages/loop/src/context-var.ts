/**
 * Context variables (asyncio's `contextvars.ContextVar` and `Token`): a value per context, so each
 * task sees its own. See context.ts for how the current context is found.
 */
import { describeValue, LookupError, RuntimeError } from "@corio/interfaces";
import { Context, contextSlot } from "./context.js";

const NO_DEFAULT: unique symbol = Symbol("no default") as never;

/**
 * The type of `Token.MISSING`: the old value of a variable that had none.
 *
 * @asyncio `contextvars.Token.MISSING`
 * @example
 * if (token.oldValue === Token.MISSING) console.log("it had no value");
 */
export interface TokenMissing {
  readonly [Symbol.toStringTag]: "Token.MISSING";
}

const MISSING: TokenMissing = Object.freeze({
  [Symbol.toStringTag]: "Token.MISSING" as const,
  toString: () => "<Token.MISSING>",
});

/**
 * Options of `new ContextVar(name, options)`.
 *
 * @asyncio the `default=` keyword of `contextvars.ContextVar`
 * @example
 * const level = new ContextVar<number>("level", { default: 0 });
 */
export interface ContextVarOptions<T> {
  /** What `get()` returns in a context where the variable has no value. */
  default?: T;
}

/**
 * A variable with a value per context: a task sees the value set in its own context, which starts
 * as a copy of its creator's. Typical uses are request ids, tracing spans and per-request settings.
 * Make variables once, at module level: a context keeps every variable that has a value in it.
 *
 * @asyncio `contextvars.ContextVar`
 * @example
 * const requestId = new ContextVar<string>("requestId", { default: "-" });
 * function* handle(id: string) {
 *   requestId.set(id);
 *   yield* sleep(10);
 *   log(`${requestId.get()} done`); // this task's id, whatever other tasks set meanwhile
 * }
 */
export class ContextVar<T> {
  /** The name given at creation, for messages. @asyncio `ContextVar.name` */
  readonly name: string;
  /** @internal */ private readonly _default: T | typeof NO_DEFAULT;

  /**
   * @throws {TypeError} if `name` is not a string.
   */
  constructor(name: string, options?: ContextVarOptions<T>) {
    if (typeof name !== "string") {
      throw new TypeError(`ContextVar(name): name must be a string, got ${describeValue(name)}`);
    }
    this.name = name;
    this._default =
      options !== undefined && options !== null && "default" in options
        ? (options.default as T)
        : NO_DEFAULT;
  }

  /**
   * The variable's value in the current context; else `defaultValue` if given, else the default
   * given at creation.
   *
   * @asyncio `ContextVar.get`
   * @throws {@link LookupError} if there is no value, no `defaultValue` and no default.
   * @example
   * requestId.get(); // the value, or the default
   * requestId.get("none"); // "none" where it has no value
   */
  get(): T;
  get<D>(defaultValue: D): T | D;
  get(...args: unknown[]): unknown {
    const ctx = contextSlot.current.ctx as Context | null;
    if (ctx !== null) {
      const values = ctx._values;
      if (values.has(this)) return values.get(this);
    }
    if (args.length > 0) return args[0];
    if (this._default !== NO_DEFAULT) return this._default;
    throw new LookupError(`${this}: no value in the current context and no default`);
  }

  /**
   * Gives the variable `value` in the current context; returns a token that `reset()` takes to
   * restore the previous value.
   *
   * @asyncio `ContextVar.set`
   * @example
   * const token = requestId.set("r-1");
   * try { yield* handle(); } finally { requestId.reset(token); }
   */
  set(value: T): Token<T> {
    const carrier = contextSlot.current;
    let ctx = carrier.ctx as Context | null;
    if (ctx === null) carrier.ctx = ctx = new Context(); // the first variable set here
    const values = ctx._values;
    const old = values.has(this) ? (values.get(this) as T) : MISSING;
    ctx._set(this, value);
    return new Token(ctx, this, old);
  }

  /**
   * Restores the value the variable had before the `set()` that returned `token`.
   *
   * @asyncio `ContextVar.reset`
   * @throws {@link RuntimeError} if the token was already used.
   * @throws {RangeError} if the token comes from another variable, or was made in another context
   * (asyncio raises `ValueError`).
   * @throws {TypeError} if `token` is not a `Token`.
   * @example
   * const token = level.set(2);
   * level.reset(token); // back to what it was
   */
  reset(token: Token<T>): void {
    if (!(token instanceof Token)) {
      throw new TypeError(`reset(token): token must be a Token, got ${describeValue(token)}`);
    }
    if (token._used) throw new RuntimeError(`${token} has already been used once`);
    if (token.var !== this) {
      throw new RangeError(`reset(token): ${token} was created by a different ContextVar`);
    }
    if (token._ctx !== contextSlot.current.ctx) {
      throw new RangeError(`reset(token): ${token} was created in a different Context`);
    }
    token._used = true;
    const old = token.oldValue;
    if (old === MISSING) token._ctx._delete(this);
    else token._ctx._set(this, old);
  }

  toString(): string {
    return `<ContextVar name=${JSON.stringify(this.name)}>`;
  }

  get [Symbol.toStringTag](): string {
    return "ContextVar";
  }
}

/**
 * What `ContextVar.set()` returns: enough to undo that `set()` with `reset(token)`, once, in the
 * same context.
 *
 * @asyncio `contextvars.Token`
 * @example
 * const token = requestId.set("r-9");
 * token.oldValue === Token.MISSING; // true if it had no value before
 */
export class Token<T> {
  /** The old value of a variable that had none. @asyncio `Token.MISSING` */
  static readonly MISSING: TokenMissing = MISSING;
  /** The variable whose `set()` made this token. @asyncio `Token.var` */
  readonly var: ContextVar<T>;
  /** Its value before that `set()`, or `Token.MISSING`. @asyncio `Token.old_value` */
  readonly oldValue: T | TokenMissing;
  /** @internal */ readonly _ctx: Context;
  /** @internal */ _used = false;

  /** @internal Tokens come from `ContextVar.set()`. */
  constructor(ctx: Context, variable: ContextVar<T>, oldValue: T | TokenMissing) {
    this._ctx = ctx;
    this.var = variable;
    this.oldValue = oldValue;
  }

  toString(): string {
    return `<Token${this._used ? " used" : ""} var=${this.var}>`;
  }

  get [Symbol.toStringTag](): string {
    return "Token";
  }
}
