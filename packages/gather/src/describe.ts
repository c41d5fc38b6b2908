import { describeValue } from "@corio/interfaces";

export { describeValue };

/**
 * @internal Checks a `timeout` option: `null`/`undefined` (and `Infinity`) mean no timeout and
 * give `null`; a negative timeout is kept and expires at once, as in asyncio.
 */
export function checkTimeout(where: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number") {
    throw new TypeError(
      `${where} must be a number of milliseconds, null or undefined, got ${describeValue(value)}`,
    );
  }
  if (Number.isNaN(value)) {
    throw new RangeError(`${where} must be a number of milliseconds, got NaN`);
  }
  return value === Number.POSITIVE_INFINITY ? null : value;
}
