/**
 * Helpers for the real-I/O scenarios (io/), the TypeScript twins of harness/io_helpers.py, plus the
 * mapping from Node's error codes to the exception names asyncio raises for the same failure.
 */
import type { StreamReader } from "@corio/streams";
import { sleep } from "corio";
import { ename } from "./trace.js";

/** Polls until the reader holds at least n bytes: makes a trace independent of chunking. */
export function* untilBuffered(reader: StreamReader, n: number) {
  while (reader.statistics().buffered < n) yield* sleep(1);
}

/** Bytes as the trace prints them: Python's repr of the decoded string. */
export function text(data: Uint8Array): string {
  const s = Buffer.from(data).toString();
  const escaped = s
    .replace(/\\/g, "\\\\")
    .replace(/'/g, "\\'")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
  return `'${escaped}'`;
}

/** What asyncio raises where Node reports these codes (@corio/streams keeps Node's errors). */
const CODES: Record<string, string> = {
  ECONNREFUSED: "ConnectionRefusedError",
  ECONNRESET: "ConnectionResetError",
  ECONNABORTED: "ConnectionAbortedError",
  EPIPE: "BrokenPipeError",
  ETIMEDOUT: "TimeoutError",
  ENOENT: "FileNotFoundError",
  EADDRINUSE: "OSError",
};

/** The asyncio name of an error: Node errors by their code, corio errors by their class name. */
export function pyName(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && CODES[code] !== undefined) return CODES[code]!;
  return ename(error);
}
