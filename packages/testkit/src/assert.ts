/**
 * Assertions that throw plain `Error`s, so they work under any test runner (vitest, node:test,
 * mocha, jest) and the testkit never imports one at runtime.
 */
import type { TraceEntry } from "./trace.js";

type Events = readonly (string | TraceEntry)[];

const text = (e: string | TraceEntry): string => (typeof e === "string" ? e : e.event);

/**
 * A line-by-line diff (longest common subsequence): `  same`, `- expected only`, `+ actual only`.
 *
 * @asyncio none: a testing helper.
 * @example
 * diffLines(["a", "b"], ["a", "c"]); // "  a\n- b\n+ c"
 */
export function diffLines(expected: readonly string[], actual: readonly string[]): string {
  const n = expected.length;
  const m = actual.length;
  // lcs[i][j]: the longest common subsequence of expected[i:] and actual[j:].
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        expected[i] === actual[j]
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      out.push(`  ${expected[i++]}`);
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push(`- ${expected[i++]}`);
    } else {
      out.push(`+ ${actual[j++]}`);
    }
  }
  return out.join("\n");
}

function checkArray(fn: string, name: string, value: unknown): void {
  if (!Array.isArray(value)) {
    throw new TypeError(`${fn}: ${name} must be an array, got ${typeof value}`);
  }
}

/**
 * Checks that the events happened in exactly this order, nothing missing and nothing extra. The
 * error message shows a diff: `- ` lines were expected and did not happen, `+ ` lines happened
 * and were not expected.
 *
 * @asyncio none: a testing helper.
 * @throws {Error} when the order differs, with the diff as message.
 * @throws {TypeError} if `trace` or `expected` is not an array.
 * @example
 * expectOrder(trace, ["producer put 1", "consumer got 1"]);
 */
export function expectOrder(trace: Events, expected: readonly string[]): void {
  checkArray("expectOrder(trace, expected)", "trace", trace);
  checkArray("expectOrder(trace, expected)", "expected", expected);
  const actual = trace.map(text);
  if (actual.length === expected.length && actual.every((e, i) => e === expected[i])) return;
  throw new Error(
    `event order differs (- expected, + actual):\n${diffLines(expected as string[], actual)}`,
  );
}

/**
 * Checks that `first` happened before `second` (their first occurrences), whatever happened
 * around them.
 *
 * @asyncio none: a testing helper.
 * @throws {Error} if either event is missing or they happened the other way round.
 * @example
 * expectBefore(trace, "lock released", "waiter acquired");
 */
export function expectBefore(trace: Events, first: string, second: string): void {
  checkArray("expectBefore(trace, first, second)", "trace", trace);
  const actual = trace.map(text);
  const a = actual.indexOf(first);
  const b = actual.indexOf(second);
  if (a === -1 || b === -1 || a > b) {
    const missing = [a === -1 ? first : null, b === -1 ? second : null].filter((x) => x !== null);
    const why =
      missing.length > 0
        ? `never happened: ${missing.map((x) => JSON.stringify(x)).join(", ")}`
        : `${JSON.stringify(second)} came first`;
    throw new Error(
      `expected ${JSON.stringify(first)} before ${JSON.stringify(second)}; ${why}\nevents:\n${actual.map((e) => `  ${e}`).join("\n")}`,
    );
  }
}

/**
 * Checks events and their loop times together: each expected line is `"<ms> <event>"`, and the
 * whole trace must match, in order.
 *
 * @asyncio none: a testing helper.
 * @throws {Error} when anything differs, with a diff of `"<ms> <event>"` lines as message.
 * @example
 * expectTimeline(trace, ["0 start", "1000 tick", "2000 tick"]);
 */
export function expectTimeline(trace: readonly TraceEntry[], expected: readonly string[]): void {
  checkArray("expectTimeline(trace, expected)", "trace", trace);
  checkArray("expectTimeline(trace, expected)", "expected", expected);
  const actual = trace.map((e) => `${e.time} ${e.event}`);
  if (actual.length === expected.length && actual.every((e, i) => e === expected[i])) return;
  throw new Error(
    `timeline differs (- expected, + actual):\n${diffLines(expected as string[], actual)}`,
  );
}
