// Tiny assertions for the contract suites: plain Errors, no test-runner import.
import { diffLines } from "../assert.js";

/**
 * The two functions of a test runner the suites need (vitest, jest, mocha and node:test fit).
 *
 * @asyncio none: the `describe`/`it` of the test runner (vitest, jest, node:test)
 * @example
 * import { describe, it } from "vitest";
 * queueContract({ describe, it }, (maxsize) => new Queue<number>({ maxsize }));
 */
export interface SuiteApi {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => void | Promise<void>): unknown;
}

export function checkSuiteApi(fn: string, api: unknown): asserts api is SuiteApi {
  const a = api as SuiteApi;
  if (typeof a !== "object" || a === null || typeof a.describe !== "function") {
    throw new TypeError(`${fn}: api must be { describe, it } from your test runner`);
  }
  if (typeof a.it !== "function") {
    throw new TypeError(`${fn}: api must be { describe, it } from your test runner`);
  }
}

export function eq<T>(actual: T, expected: T, what: string): void {
  if (Object.is(actual, expected)) return;
  throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

export function ok(condition: unknown, what: string): void {
  if (!condition) throw new Error(what);
}

export function list(actual: readonly unknown[], expected: readonly unknown[], what: string): void {
  const a = actual.map(show);
  const e = expected.map(show);
  if (a.length === e.length && a.every((x, i) => x === e[i])) return;
  throw new Error(`${what} (- expected, + actual):\n${diffLines(e, a)}`);
}

/** Runs `fn`, expects it to throw an error for which `test` holds; returns that error. */
export function throws(fn: () => unknown, test: (e: unknown) => boolean, what: string): unknown {
  try {
    fn();
  } catch (e) {
    if (test(e)) return e;
    throw new Error(`${what}: threw the wrong error: ${show(e)}`);
  }
  throw new Error(`${what}: did not throw`);
}

export function show(v: unknown): string {
  if (v instanceof Error) return `${v.name}(${JSON.stringify(v.message)})`;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "function") return `function ${v.name}`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
