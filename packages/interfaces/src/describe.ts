/**
 * Describes a value for an error message about bad input: its kind, and the value itself when it
 * is short (`number 42`, `string "x"`, `NaN`, `null`, `function work`, `an array`,
 * `an object ([object Promise])`). Every corio package words its `TypeError`s and `RangeError`s
 * with it, so messages read alike whichever package threw them.
 *
 * @example
 * throw new TypeError(`Queue(maxsize): maxsize must be an integer, got ${describeValue(maxsize)}`);
 *
 * @asyncio none: corio's wording for bad-input messages
 */
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
 * The text of a message given as any value, as asyncio accepts any object as a cancel message:
 * a string as it is, otherwise its `String()` form, or a description when it has none
 * (`Object.create(null)`); `undefined` stays `undefined`.
 *
 * @example
 * messageText({ reason: 1 }); // "[object Object]"
 * messageText(42); // "42"
 *
 * @asyncio none: asyncio keeps a cancel message as given; corio needs a string
 */
export function messageText(message: unknown): string | undefined {
  if (message === undefined || typeof message === "string") return message;
  try {
    return String(message);
  } catch {
    return describeValue(message);
  }
}
