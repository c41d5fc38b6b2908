/** Argument checks shared by the reader and the connection functions: typed errors naming the argument. */
import { describeValue } from "@corio/interfaces";

/** A positive integer limit, default 64 KiB. */
export function checkLimit(what: string, limit: unknown): number {
  if (limit === undefined) return 64 * 1024;
  if (typeof limit !== "number" || !Number.isInteger(limit)) {
    throw new TypeError(`${what} must be a positive integer (bytes), got ${describeValue(limit)}`);
  }
  if (limit <= 0) throw new RangeError(`${what} must be a positive integer (bytes), got ${limit}`);
  return limit;
}

/** A port number: 0-65535 for a server (0: any free port), 1-65535 for a connection. */
export function checkPort(what: string, port: unknown, min: 0 | 1): number {
  if (typeof port !== "number" || !Number.isInteger(port) || port < min || port > 65535) {
    throw new RangeError(`${what} must be an integer ${min}-65535, got ${describeValue(port)}`);
  }
  return port;
}

/** A non-empty host name or address. */
export function checkHost(what: string, host: unknown): string {
  if (typeof host !== "string" || host === "") {
    throw new TypeError(`${what} must be a non-empty string, got ${describeValue(host)}`);
  }
  return host;
}

/** A non-empty socket path. */
export function checkPath(what: string, path: unknown): string {
  if (typeof path !== "string" || path === "") {
    throw new TypeError(
      `${what} must be a non-empty string (a socket path), got ${describeValue(path)}`,
    );
  }
  return path;
}

/** A callback. */
export function checkFunction(what: string, fn: unknown): void {
  if (typeof fn !== "function") {
    throw new TypeError(`${what} must be a function, got ${describeValue(fn)}`);
  }
}

/** A separator or chunk: a string (UTF-8) or bytes. */
export function toBytes(what: string, value: unknown): Buffer {
  if (typeof value === "string") return Buffer.from(value, "utf8");
  if (value instanceof Uint8Array) return Buffer.from(value);
  throw new TypeError(`${what} must be a string or a Uint8Array, got ${describeValue(value)}`);
}

/** A read count: an integer ≥ 0, or where `anyNegative` any integer (below 0: "everything"). */
export function checkCount(what: string, n: unknown, anyNegative: boolean): number {
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw new TypeError(`${what} must be an integer, got ${describeValue(n)}`);
  }
  if (n < 0 && !anyNegative) throw new RangeError(`${what} must be 0 or more, got ${n}`);
  return n;
}

/** One or more non-empty separators, as bytes sorted shortest first. */
export function checkSeparators(what: string, separator: unknown): Buffer[] {
  const list = Array.isArray(separator) ? separator : [separator];
  if (list.length === 0) throw new RangeError(`${what} list must not be empty`);
  const seps = list.map((s, i) => toBytes(`${what}[${i}]`, s)).sort((a, b) => a.length - b.length);
  if (seps[0]!.length === 0) throw new RangeError(`${what} must be at least one byte`);
  return seps;
}
