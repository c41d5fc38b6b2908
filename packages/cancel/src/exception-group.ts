const BRAND: unique symbol = Symbol.for("@corio/cancel/ExceptionGroup") as never;

/**
 * An error class, or a predicate over errors, to pick errors out of a group.
 *
 * @asyncio the `condition` argument of `BaseExceptionGroup.split`/`subgroup`
 *
 * @example
 * const timeouts: ErrorMatcher = TimeoutError; // a class...
 * const http: ErrorMatcher = (e) => String(e).includes("HTTP"); // ...or a test
 */
export type ErrorMatcher<E = unknown> =
  | (abstract new (
      ...args: never[]
    ) => E)
  | ((error: unknown) => boolean);

function isErrorClass(value: unknown): value is abstract new (...args: never[]) => unknown {
  if (typeof value !== "function" || value.prototype === undefined) return false;
  return value === Error || value.prototype instanceof Error;
}

function toPredicate(where: string, matcher: unknown): (error: unknown) => boolean {
  if (isErrorClass(matcher)) return (error) => error instanceof matcher;
  if (typeof matcher === "function") return matcher as (error: unknown) => boolean;
  throw new TypeError(
    `${where} must be an error class or a predicate function, got ${matcher === null ? "null" : typeof matcher}`,
  );
}

/**
 * Several errors raised together, such as the failures of a task group's children. Built on
 * `AggregateError`, so `.errors` lists them and `instanceof AggregateError` holds; `instanceof
 * ExceptionGroup` holds across copies of this package. Groups may nest.
 *
 * @asyncio Python's `ExceptionGroup` (raised by `asyncio.TaskGroup`)
 * @example
 * try {
 *   yield* taskGroup(function* (tg) { tg.createTask(a()); tg.createTask(b()); });
 * } catch (e) {
 *   if (!(e instanceof ExceptionGroup)) throw e;
 *   const [timeouts, rest] = e.split(TimeoutError);
 *   if (rest) throw rest;
 * }
 */
export class ExceptionGroup<E = unknown> extends AggregateError {
  /** The errors, in the order they happened. */
  declare readonly errors: E[];

  /**
   * @throws {TypeError} if `errors` is not iterable or is empty.
   */
  constructor(message: string, errors: Iterable<E>, options?: ErrorOptions) {
    if (errors === null || typeof errors !== "object" || !(Symbol.iterator in errors)) {
      throw new TypeError("ExceptionGroup(message, errors): errors must be an iterable of errors");
    }
    const list = [...errors];
    if (list.length === 0) {
      throw new TypeError("ExceptionGroup(message, errors): errors must not be empty");
    }
    super(list, message, options);
    this.name = "ExceptionGroup";
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: subclasses keep the ordinary prototype check.
    if (this !== ExceptionGroup) return Function.prototype[Symbol.hasInstance].call(this, value);
    return (
      typeof value === "object" &&
      value !== null &&
      (value as { [BRAND]?: boolean })[BRAND] === true
    );
  }

  /**
   * The errors matching `matcher` (an error class or a predicate), as a group of the same shape,
   * nested groups included; `null` if none match. The whole group is returned if it matches.
   *
   * @asyncio `BaseExceptionGroup.subgroup`
   * @throws {TypeError} if `matcher` is neither an error class nor a function.
   * @example
   * const timeouts = group.match(TimeoutError); // ExceptionGroup<TimeoutError> | null
   */
  match(matcher: (error: unknown) => boolean): ExceptionGroup<E> | null;
  match<M>(matcher: abstract new (...args: never[]) => M): ExceptionGroup<M> | null;
  match(matcher: ErrorMatcher): ExceptionGroup<unknown> | null {
    return this.split(matcher as (error: unknown) => boolean)[0];
  }

  /**
   * Splits the group in two: the errors matching `matcher` and the rest, each a group of the same
   * shape (or `null` when empty).
   *
   * @asyncio `BaseExceptionGroup.split`
   * @throws {TypeError} if `matcher` is neither an error class nor a function.
   * @example
   * const [cancelled, others] = group.split(CancelledError);
   */
  split(matcher: (error: unknown) => boolean): [ExceptionGroup<E> | null, ExceptionGroup<E> | null];
  split<M>(
    matcher: abstract new (...args: never[]) => M,
  ): [ExceptionGroup<M> | null, ExceptionGroup<E> | null];
  split(matcher: ErrorMatcher): [ExceptionGroup<unknown> | null, ExceptionGroup<unknown> | null] {
    const predicate = toPredicate("ExceptionGroup.split(matcher): matcher", matcher);
    return splitGroup(this as ExceptionGroup<unknown>, predicate);
  }

  /**
   * A group with the same message (and cause) holding `errors`; `split` and `match` build their
   * parts with it. Subclasses override it to keep their class.
   *
   * @asyncio `BaseExceptionGroup.derive`
   */
  derive<F>(errors: Iterable<F>): ExceptionGroup<F> {
    return new ExceptionGroup(this.message, errors, { cause: this.cause });
  }
}

// The class names itself in its body, so bundlers emit it as `class _ExceptionGroup`; its name is
// what Node.js prints for an uncaught group.
Object.defineProperty(ExceptionGroup, "name", { value: "ExceptionGroup" });

function splitGroup(
  group: ExceptionGroup<unknown>,
  predicate: (error: unknown) => boolean,
): [ExceptionGroup<unknown> | null, ExceptionGroup<unknown> | null] {
  if (predicate(group)) return [group, null];
  const matched: unknown[] = [];
  const rest: unknown[] = [];
  for (const error of group.errors) {
    if (error instanceof ExceptionGroup) {
      const [m, r] = splitGroup(error as ExceptionGroup<unknown>, predicate);
      if (m !== null) matched.push(m);
      if (r !== null) rest.push(r);
    } else if (predicate(error)) {
      matched.push(error);
    } else {
      rest.push(error);
    }
  }
  return [
    matched.length > 0 ? group.derive(matched) : null,
    rest.length > 0 ? group.derive(rest) : null,
  ];
}
