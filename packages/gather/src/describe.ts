/** @internal A short description of a bad argument for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  if (typeof value === "string") return `string ${JSON.stringify(value)}`;
  if (typeof value === "function") return `function ${value.name || "(anonymous)"}`;
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return `an object (${Object.prototype.toString.call(value)})`;
  return `${typeof value} ${String(value)}`;
}

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
