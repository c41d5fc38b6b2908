/**
 * Bridges from Node streams to StreamReader / StreamWriter: the factories that `openConnection`,
 * `startServer` and other packages (`@corio/subprocess` on a child's pipes) build on.
 *
 * Each bridge registers a loop close callback that destroys the stream, and drops it once the
 * stream closes by itself, so no socket or pipe outlives `run()`.
 */

import type { Socket } from "node:net";
import type { Duplex, Readable, Writable } from "node:stream";
import type { TLSSocket } from "node:tls";
import { describeValue, type EventLoop, getRunningLoop } from "@corio/interfaces";
import { StreamReader } from "./reader.js";
import { StreamWriter } from "./writer.js";

/**
 * Options for {@link readerFromStream}.
 *
 * @asyncio the `limit` keyword of `asyncio.StreamReader`
 * @example
 * const reader = readerFromStream(process.stdin, { limit: 1024 });
 */
export interface ReaderFromStreamOptions {
  /** The reader's limit in bytes (default 64 KiB); reading pauses past twice this. */
  limit?: number;
  /** The loop to wake; default: the running loop. */
  loop?: EventLoop;
}

/**
 * Options for {@link writerFromStream}.
 *
 * @asyncio the arguments of `asyncio.StreamWriter`
 * @example
 * const writer = writerFromStream(process.stdout, { canWriteEof: false });
 */
export interface WriterFromStreamOptions {
  /** The reader of the same connection or process, whose error `drain()` reports first. */
  reader?: StreamReader | null;
  /** The loop to wake; default: the running loop. */
  loop?: EventLoop;
  /** Whether `writeEof()` is possible; default true. */
  canWriteEof?: boolean;
  /** Answers `getExtraInfo(name)`. */
  extraInfo?: (name: string) => unknown;
}

function isClosed(stream: Readable | Writable): boolean {
  return stream.destroyed && (stream as { closed?: boolean }).closed === true;
}

/** Destroys `stream` when the loop closes, unless the stream closed first. */
function closeWithLoop(loop: EventLoop, stream: Readable | Writable): void {
  if (isClosed(stream) || loop.isClosed()) return;
  const forget = loop.addCloseCallback(() => {
    stream.destroy();
  });
  stream.once("close", forget);
}

function checkStream(what: string, stream: unknown, method: "on" | "write"): void {
  if (
    typeof stream !== "object" ||
    stream === null ||
    typeof (stream as Record<string, unknown>)[method] !== "function" ||
    typeof (stream as Record<string, unknown>).on !== "function"
  ) {
    throw new TypeError(`${what} must be a Node stream, got ${describeValue(stream)}`);
  }
}

/**
 * Makes a {@link StreamReader} fed by a Node Readable (a socket, a child's stdout): its data
 * fills the reader, `'end'` is EOF, `'error'` becomes the reader's exception, and the reader
 * pauses the stream when its buffer passes twice the limit.
 *
 * @asyncio `StreamReader` + `StreamReaderProtocol` on a transport
 * @throws {TypeError} if `stream` is not a Node Readable.
 * @throws {RangeError} if `limit` is not a positive integer.
 * @example
 * const child = spawn("node", ["-e", "console.log('hi')"]);
 * const stdout = readerFromStream(child.stdout);
 * const line = yield* stdout.readline();
 */
export function readerFromStream(
  stream: Readable,
  options: ReaderFromStreamOptions = {},
): StreamReader {
  checkStream("readerFromStream(stream): stream", stream, "on");
  const loop = options.loop ?? getRunningLoop();
  const reader = new StreamReader({ limit: options.limit, loop });
  attachReadable(reader, stream, loop);
  return reader;
}

function attachReadable(reader: StreamReader, stream: Readable, loop: EventLoop): void {
  let ended = false;
  reader._setTransport({
    pauseReading: () => stream.pause(),
    resumeReading: () => stream.resume(),
  });
  stream.on("data", (chunk: Buffer | string) => {
    // Node hands each read a fresh Buffer: the reader may keep it without a copy.
    if (!ended) reader._feed(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  });
  stream.on("end", () => {
    if (!ended) {
      ended = true;
      reader.feedEof();
    }
  });
  stream.on("error", (error: unknown) => {
    if (!ended) {
      ended = true;
      reader.setException(error);
    }
  });
  // Destroyed without 'end' (closed by our side, or by the loop): the stream is over.
  stream.on("close", () => {
    if (!ended) {
      ended = true;
      reader.feedEof();
    }
  });
  if (isClosed(stream) || stream.readableEnded) {
    ended = true;
    reader.feedEof();
  }
  closeWithLoop(loop, stream);
}

/**
 * Makes a {@link StreamWriter} over a Node Writable (a socket, a child's stdin); `drain()` waits
 * for the stream's `'drain'` event.
 *
 * @asyncio `StreamWriter` on a transport
 * @throws {TypeError} if `stream` is not a Node Writable.
 * @example
 * const child = spawn("cat");
 * const stdin = writerFromStream(child.stdin);
 * stdin.write("hello\n");
 * yield* stdin.drain();
 */
export function writerFromStream(
  stream: Writable,
  options: WriterFromStreamOptions = {},
): StreamWriter {
  checkStream("writerFromStream(stream): stream", stream, "write");
  const loop = options.loop ?? getRunningLoop();
  const writer = new StreamWriter(stream, { ...options, loop });
  closeWithLoop(loop, stream);
  return writer;
}

function address(host: string | undefined, port: number | undefined): unknown {
  if (host === undefined) return undefined;
  return port === undefined ? host : [host, port];
}

/** The `getExtraInfo` answers of a socket. */
function socketInfo(socket: Socket, path: string | null): (name: string) => unknown {
  const tls = (socket as TLSSocket).encrypted === true ? (socket as TLSSocket) : null;
  return (name) => {
    switch (name) {
      case "peername":
        return path ?? address(socket.remoteAddress, socket.remotePort);
      case "sockname":
        return path ?? address(socket.localAddress, socket.localPort);
      case "socket":
        return socket;
      case "peercert":
        return tls?.getPeerCertificate() ?? undefined;
      case "cipher":
        return tls?.getCipher() ?? undefined;
      case "sslObject":
        return tls ?? undefined;
      default:
        return undefined;
    }
  };
}

/**
 * @internal A reader and a writer over one connected socket (TCP, Unix or TLS); `path` is the
 * Unix socket path, or null.
 */
export function wrapSocket(
  socket: Socket,
  loop: EventLoop,
  limit: number,
  path: string | null,
): [StreamReader, StreamWriter] {
  const reader = new StreamReader({ limit, loop });
  attachReadable(reader, socket as Duplex, loop);
  const isTls = (socket as TLSSocket).encrypted === true;
  const writer = new StreamWriter(socket, {
    reader,
    loop,
    canWriteEof: !isTls,
    extraInfo: socketInfo(socket, path),
  });
  return [reader, writer];
}
