/**
 * startServer / startUnixServer and the Server they return: accept connections, hand each client
 * a `[reader, writer]` pair (a coroutine callback runs as its own task), and shut down as asyncio
 * 3.13 does: `close()` stops listening, `waitClosed()` waits for the last client to go.
 *
 * A listening server tells the loop that something outside may still schedule work
 * (`trackExternal`), so a task waiting in `serveForever()` is not a deadlock, and the loop's
 * closing closes the server and every client socket it accepted.
 */

import { statSync, unlinkSync } from "node:fs";
import * as net from "node:net";
import * as tls from "node:tls";
import {
  type Coroutine,
  type EventLoop,
  type Future,
  getRunningLoop,
  isCancelledError,
  isCoroutine,
  RuntimeError,
} from "@corio/interfaces";
import { wrapSocket } from "./node-stream.js";
import type { StreamReader } from "./reader.js";
import { checkFunction, checkHost, checkLimit, checkPath, checkPort } from "./validate.js";
import type { StreamWriter } from "./writer.js";

/**
 * What `startServer` calls for each client: a generator function (run as a task) or a function.
 *
 * @asyncio the `client_connected_cb` of `asyncio.start_server`
 * @example
 * const echo: ClientConnected = function* (reader, writer) {
 *   writer.write(yield* reader.readline());
 *   yield* writer.drain();
 *   writer.close();
 * };
 */
export type ClientConnected = (reader: StreamReader, writer: StreamWriter) => unknown;

/**
 * Options for {@link startServer}.
 *
 * @asyncio the `limit`, `ssl` and `backlog` keywords of `asyncio.start_server`
 * @example
 * const server = yield* startServer(echo, "127.0.0.1", 0, { backlog: 64 });
 */
export interface StartServerOptions {
  /** Each client reader's limit in bytes (default 64 KiB). */
  limit?: number;
  /** TLS: options for `tls.createServer` (at least `key` and `cert`). Absent: plain TCP. */
  ssl?: tls.TlsOptions;
  /** Listen queue length (Node's default 511). */
  backlog?: number;
}

/**
 * Options for {@link startUnixServer}.
 *
 * @asyncio the `limit` and `backlog` keywords of `asyncio.start_unix_server`
 * @example
 * const server = yield* startUnixServer(echo, "/tmp/app.sock", { backlog: 64 });
 */
export interface StartUnixServerOptions {
  /** Each client reader's limit in bytes (default 64 KiB). */
  limit?: number;
  /** Listen queue length. */
  backlog?: number;
}

/**
 * One listening address: `family` is `"IPv4"`, `"IPv6"` or `"unix"` (then `address` is the path).
 *
 * @asyncio the `(host, port)` tuple of `server.sockets[0].getsockname()`
 * @example
 * const { address, port } = server.sockets[0];
 */
export interface SocketAddress {
  family: string;
  address: string;
  port: number;
}

/**
 * A listening server.
 *
 * @asyncio `asyncio.Server`
 * @example
 * const server = yield* startServer(handle, "127.0.0.1", 0);
 * console.log(`listening on port ${server.sockets[0]!.port}`);
 * yield* server.serveForever();
 */
export class Server {
  /** @internal */ private readonly _server: net.Server;
  /** @internal */ private readonly _loop: EventLoop;
  /** @internal */ private readonly _clients = new Set<net.Socket>();
  /** @internal */ private readonly _address: SocketAddress;
  /** @internal */ private _closing = false;
  /** @internal */ private _closed = false;
  /** @internal */ private _releaseListening: (() => void) | null;
  /** @internal */ private _forever: Future<void> | null = null;
  /** @internal */ private _waiters: Future<void>[] = [];

  /** @internal Made by `startServer` / `startUnixServer` once the server listens. */
  constructor(
    server: net.Server,
    loop: EventLoop,
    address: SocketAddress,
    limit: number,
    path: string | null,
    clientConnected: ClientConnected,
  ) {
    this._server = server;
    this._loop = loop;
    this._address = address;
    this._releaseListening = loop.trackExternal(`server listening on ${describe(address)}`);
    const forget = loop.addCloseCallback(() => {
      this._stopListening();
      for (const socket of this._clients) socket.destroy();
    });
    server.on("close", () => {
      forget();
      this._closed = true;
      this._stopListening();
      const waiters = this._waiters;
      this._waiters = [];
      if (loop.isClosed()) return;
      for (const w of waiters) if (!w.done()) w.setResult(undefined);
    });
    server.on("error", (error: unknown) => {
      if (!loop.isClosed())
        loop.callExceptionHandler({ message: "server error", exception: error });
    });
    // A failed TLS handshake: Node destroys the socket; the client sees the error.
    if (server instanceof tls.Server) server.on("tlsClientError", () => {});
    const event = server instanceof tls.Server ? "secureConnection" : "connection";
    server.on(event, (socket: net.Socket) => this._accept(socket, limit, path, clientConnected));
  }

  /** @internal */ private _accept(
    socket: net.Socket,
    limit: number,
    path: string | null,
    clientConnected: ClientConnected,
  ): void {
    const loop = this._loop;
    if (loop.isClosed()) {
      socket.destroy();
      return;
    }
    if (path === null) socket.setNoDelay(true);
    this._clients.add(socket);
    socket.once("close", () => this._clients.delete(socket));
    const [reader, writer] = wrapSocket(socket, loop, limit, path);
    loop.callSoon(() => {
      let result: unknown;
      try {
        result = clientConnected(reader, writer);
      } catch (error) {
        loop.callExceptionHandler({
          message: "Unhandled exception in clientConnected",
          exception: error,
        });
        socket.destroy();
        return;
      }
      if (!isCoroutine(result)) return;
      const task = loop.createTask(result as Coroutine<unknown>);
      task.addDoneCallback((t) => {
        if (t.cancelled()) {
          socket.destroy();
          return;
        }
        const error = t.exception();
        if (error !== null) {
          loop.callExceptionHandler({
            message: "Unhandled exception in clientConnected",
            exception: error,
            task: t,
          });
          socket.destroy();
        }
      });
    });
  }

  /** @internal */ private _stopListening(): void {
    if (this._server.listening) this._server.close();
    const release = this._releaseListening;
    this._releaseListening = null;
    if (release !== null) release();
  }

  /**
   * The addresses the server listens on (one entry; empty once closed). With port 0, read the
   * port the system picked here.
   *
   * @asyncio `Server.sockets`
   */
  get sockets(): SocketAddress[] {
    return this._closing ? [] : [{ ...this._address }];
  }

  /** The loop the server belongs to. @asyncio `Server.get_loop` */
  getLoop(): EventLoop {
    return this._loop;
  }

  /**
   * True while the server accepts connections.
   *
   * @asyncio `Server.is_serving`
   */
  isServing(): boolean {
    return !this._closing && this._server.listening;
  }

  /**
   * Stops listening; clients already connected stay connected (see {@link closeClients}). A task
   * in {@link serveForever} gets `CancelledError`, as in asyncio.
   *
   * @asyncio `Server.close`
   * @example
   * server.close();
   * yield* server.waitClosed();
   */
  close(): void {
    if (this._closing) return;
    this._closing = true;
    this._stopListening();
    const forever = this._forever;
    if (forever !== null && !forever.done()) forever.cancel();
  }

  /**
   * Closes every client connection (after its buffered data is sent).
   *
   * @asyncio `Server.close_clients` (3.13)
   */
  closeClients(): void {
    for (const socket of this._clients) socket.destroySoon();
  }

  /**
   * Destroys every client connection at once.
   *
   * @asyncio `Server.abort_clients` (3.13)
   */
  abortClients(): void {
    for (const socket of this._clients) socket.destroy();
  }

  /**
   * Waits until the server is closed and its last client connection is gone.
   *
   * @asyncio `Server.wait_closed`
   * @throws {@link CancelledError} if the task is cancelled.
   * @example
   * server.close();
   * yield* server.waitClosed();
   */
  waitClosed(): Coroutine<void> {
    return this._waitClosed();
  }

  /** @internal */ private *_waitClosed(): Coroutine<void> {
    if (this._closed) return;
    const waiter = this._loop.createFuture<void>("Server.waitClosed()");
    this._waiters.push(waiter);
    const release = this._loop.trackExternal("Server.waitClosed()");
    try {
      yield* waiter;
    } finally {
      release();
    }
  }

  /**
   * Serves until cancelled (or until `close()`); on cancellation closes the server, waits for it
   * to close, and rethrows.
   *
   * @asyncio `Server.serve_forever`
   * @throws {@link RuntimeError} if the server is closed or another task already serves forever.
   * @throws {@link CancelledError} when cancelled or closed.
   * @example
   * const server = yield* startServer(handle, "127.0.0.1", 8888);
   * yield* server.serveForever();
   */
  *serveForever(): Coroutine<void> {
    if (this._forever !== null) {
      throw new RuntimeError(
        `server ${describe(this._address)} is already being awaited on serveForever()`,
      );
    }
    if (this._closing) throw new RuntimeError(`server ${describe(this._address)} is closed`);
    const forever = this._loop.createFuture<void>("Server.serveForever()");
    this._forever = forever;
    try {
      yield* forever;
    } catch (error) {
      if (isCancelledError(error)) {
        this.close();
        yield* this.waitClosed();
      }
      throw error;
    } finally {
      this._forever = null;
    }
  }
}

function describe(a: SocketAddress): string {
  return a.family === "unix" ? a.address : `${a.address}:${a.port}`;
}

function* listen(
  server: net.Server,
  label: string,
  listenOptions: net.ListenOptions,
): Coroutine<void> {
  const loop = getRunningLoop();
  const listening = loop.createFuture<void>(label);
  const release = loop.trackExternal(label);
  const forget = loop.addCloseCallback(() => server.close());
  const onError = (error: unknown) => {
    if (!listening.done() && !loop.isClosed()) listening.setException(error);
  };
  server.once("error", onError);
  server.listen(listenOptions, () => {
    if (!listening.done() && !loop.isClosed()) listening.setResult(undefined);
  });
  try {
    yield* listening;
  } catch (error) {
    server.close();
    throw error;
  } finally {
    release();
    forget();
    server.off("error", onError);
  }
}

/**
 * Starts a TCP server (TLS with the `ssl` option) on `host`:`port` and calls
 * `clientConnected(reader, writer)` for each client: a generator function runs as a task (if it
 * fails, the error goes to the loop's exception handler and the connection is closed), a plain
 * function is just called. Port 0 picks a free port: read it from `server.sockets[0].port`.
 *
 * @asyncio `asyncio.start_server`
 * @throws {TypeError} if `clientConnected` is not a function or `host` not a string (`null`
 * listens on every interface); {RangeError} if `port` is not an integer 0-65535.
 * @throws Node's error if it cannot listen: `EADDRINUSE` (asyncio's `OSError` errno 98),
 * `EACCES` (`PermissionError`).
 * @example
 * function* handle(reader: StreamReader, writer: StreamWriter) {
 *   writer.write(yield* reader.readline());
 *   writer.close();
 * }
 * const server = yield* startServer(handle, "127.0.0.1", 0);
 */
export function startServer(
  clientConnected: ClientConnected,
  host: string | null,
  port: number,
  options: StartServerOptions = {},
): Coroutine<Server> {
  checkFunction("startServer(clientConnected, host, port): clientConnected", clientConnected);
  if (host !== null) checkHost("startServer(clientConnected, host, port): host", host);
  checkPort("startServer(clientConnected, host, port): port", port, 0);
  const limit = checkLimit("startServer(..., options): options.limit", options.limit);
  return startTcp(clientConnected, host, port, limit, options);
}

function* startTcp(
  clientConnected: ClientConnected,
  host: string | null,
  port: number,
  limit: number,
  options: StartServerOptions,
): Coroutine<Server> {
  const server =
    options.ssl !== undefined
      ? // TLS has no half-close: a half-open TLS socket would keep the server from closing.
        tls.createServer({ ...options.ssl, allowHalfOpen: false })
      : net.createServer({ allowHalfOpen: true });
  yield* listen(server, `startServer(${host}, ${port})`, {
    host: host ?? undefined,
    port,
    backlog: options.backlog,
  });
  const a = server.address() as net.AddressInfo;
  const address = { family: a.family, address: a.address, port: a.port };
  return new Server(server, getRunningLoop(), address, limit, null, clientConnected);
}

/**
 * Starts a Unix domain socket server at `path`; like {@link startServer}. A stale socket file
 * left at `path` is removed first, as asyncio 3.13 does; closing removes the file.
 *
 * @asyncio `asyncio.start_unix_server`
 * @throws {TypeError} if `clientConnected` is not a function or `path` not a non-empty string.
 * @throws Node's error if it cannot listen (`EADDRINUSE`, `EACCES`).
 * @example
 * const server = yield* startUnixServer(handle, "/tmp/app.sock");
 */
export function startUnixServer(
  clientConnected: ClientConnected,
  path: string,
  options: StartUnixServerOptions = {},
): Coroutine<Server> {
  checkFunction("startUnixServer(clientConnected, path): clientConnected", clientConnected);
  checkPath("startUnixServer(clientConnected, path): path", path);
  const limit = checkLimit("startUnixServer(..., options): options.limit", options.limit);
  return startUnix(clientConnected, path, limit, options);
}

function* startUnix(
  clientConnected: ClientConnected,
  path: string,
  limit: number,
  options: StartUnixServerOptions,
): Coroutine<Server> {
  try {
    if (statSync(path).isSocket()) unlinkSync(path);
  } catch {
    // No file there: nothing to clean up.
  }
  const server = net.createServer({ allowHalfOpen: true });
  yield* listen(server, `startUnixServer(${path})`, { path, backlog: options.backlog });
  const address = { family: "unix", address: path, port: 0 };
  return new Server(server, getRunningLoop(), address, limit, path, clientConnected);
}
