/**
 * openConnection / openUnixConnection: connect a TCP (optionally TLS) or Unix socket and return
 * asyncio's `[reader, writer]` pair.
 */

import * as net from "node:net";
import * as tls from "node:tls";
import { type Coroutine, getRunningLoop } from "@corio/interfaces";
import { onreadInto, wrapSocket } from "./node-stream.js";
import { StreamReader } from "./reader.js";
import { checkHost, checkLimit, checkPath, checkPort } from "./validate.js";
import type { StreamWriter } from "./writer.js";

/**
 * Options for {@link openConnection}.
 *
 * @asyncio the keyword arguments of `asyncio.open_connection` (`limit`, `ssl`,
 * `server_hostname`, `local_addr`, `family`)
 * @example
 * const [reader, writer] = yield* openConnection("127.0.0.1", port, { limit: 1024 });
 */
export interface OpenConnectionOptions {
  /** The reader's limit in bytes (default 64 KiB). */
  limit?: number;
  /**
   * TLS: `true` for Node's defaults (system CAs, hostname checked), or options for `tls.connect`
   * (`ca`, `cert`, `key`, `rejectUnauthorized`, ...). Absent or `false`: plain TCP.
   */
  ssl?: boolean | tls.ConnectionOptions;
  /** The name checked against the server's certificate; default `host` when it is not an IP. */
  serverHostname?: string;
  /** Local address to bind before connecting. */
  localAddress?: string;
  /** Local port to bind before connecting. */
  localPort?: number;
  /** 4 or 6 to force an address family; default either. */
  family?: 0 | 4 | 6;
}

/**
 * Options for {@link openUnixConnection}.
 *
 * @asyncio the `limit` keyword of `asyncio.open_unix_connection`
 * @example
 * const [reader, writer] = yield* openUnixConnection("/tmp/app.sock", { limit: 1024 });
 */
export interface OpenUnixConnectionOptions {
  /** The reader's limit in bytes (default 64 KiB). */
  limit?: number;
}

type Pair = [StreamReader, StreamWriter];

/**
 * Opens a TCP connection (TLS with the `ssl` option) and returns `[reader, writer]`.
 *
 * Connection errors are Node's own, with their `code`: `ECONNREFUSED` (asyncio's
 * `ConnectionRefusedError`), `ETIMEDOUT` (`TimeoutError`), `ENOTFOUND` / `EAI_AGAIN`
 * (`socket.gaierror`), `EHOSTUNREACH` / `ENETUNREACH` (`OSError`), TLS errors such as
 * `DEPTH_ZERO_SELF_SIGNED_CERT` (`ssl.SSLCertVerificationError`). Wrap it in `waitFor` for a
 * timeout.
 *
 * @asyncio `asyncio.open_connection`
 * @throws {TypeError} if `host` is not a non-empty string; {RangeError} if `port` is not an
 * integer 1-65535 or `limit` not a positive integer.
 * @throws the connection error (see above).
 * @throws {@link CancelledError} if the task is cancelled; the half-open socket is destroyed.
 * @example
 * const [reader, writer] = yield* openConnection("127.0.0.1", 8888);
 * writer.write("hello\n");
 * console.log((yield* reader.readline()).toString());
 * writer.close();
 * yield* writer.waitClosed();
 */
export function openConnection(
  host: string,
  port: number,
  options: OpenConnectionOptions = {},
): Coroutine<Pair> {
  checkHost("openConnection(host, port): host", host);
  checkPort("openConnection(host, port): port", port, 1);
  const limit = checkLimit("openConnection(host, port, options): options.limit", options.limit);
  const ssl = options.ssl;
  return connect(`openConnection(${host}, ${port})`, limit, null, (reader) => {
    if (ssl !== undefined && ssl !== false) {
      const extra = ssl === true ? {} : ssl;
      const servername = options.serverHostname ?? (net.isIP(host) === 0 ? host : undefined);
      return tls.connect({
        ...extra,
        host,
        port,
        servername,
        localAddress: options.localAddress,
        family: options.family,
        // TLS has no half-close (asyncio's SSL transports close on EOF too).
        allowHalfOpen: false,
      } as tls.ConnectionOptions);
    }
    return net.connect({
      host,
      port,
      localAddress: options.localAddress,
      localPort: options.localPort,
      family: options.family,
      allowHalfOpen: true,
      noDelay: true,
      onread: onreadInto(reader),
    });
  });
}

/**
 * Opens a Unix domain socket connection to `path` and returns `[reader, writer]`.
 *
 * @asyncio `asyncio.open_unix_connection`
 * @throws {TypeError} if `path` is not a non-empty string; {RangeError} for a bad `limit`.
 * @throws Node's error: `ENOENT` (asyncio's `FileNotFoundError`), `ECONNREFUSED`
 * (`ConnectionRefusedError`).
 * @throws {@link CancelledError} if the task is cancelled.
 * @example
 * const [reader, writer] = yield* openUnixConnection("/tmp/app.sock");
 */
export function openUnixConnection(
  path: string,
  options: OpenUnixConnectionOptions = {},
): Coroutine<Pair> {
  checkPath("openUnixConnection(path): path", path);
  const limit = checkLimit("openUnixConnection(path, options): options.limit", options.limit);
  return connect(`openUnixConnection(${path})`, limit, path, (reader) =>
    net.connect({ path, allowHalfOpen: true, onread: onreadInto(reader) }),
  );
}

function* connect(
  label: string,
  limit: number,
  path: string | null,
  open: (reader: StreamReader) => net.Socket,
): Coroutine<Pair> {
  const loop = getRunningLoop();
  // Made first: a plain socket feeds it from its first read on (see onreadInto).
  const reader = new StreamReader({ limit, loop });
  const connected = loop.createFuture<void>(label);
  const release = loop.trackExternal(label);
  const socket = open(reader);
  const isTls = socket instanceof tls.TLSSocket;
  const forget = loop.addCloseCallback(() => socket.destroy());
  const onError = (error: unknown) => {
    if (!connected.done() && !loop.isClosed()) connected.setException(error);
  };
  const onConnect = () => {
    if (!connected.done() && !loop.isClosed()) connected.setResult(undefined);
  };
  socket.once("error", onError);
  socket.once(isTls ? "secureConnect" : "connect", onConnect);
  try {
    yield* connected;
  } catch (error) {
    socket.destroy();
    throw error;
  } finally {
    release();
    forget();
    socket.off("error", onError);
    socket.off(isTls ? "secureConnect" : "connect", onConnect);
  }
  return wrapSocket(socket, loop, limit, path, reader, !isTls);
}
