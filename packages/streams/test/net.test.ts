// Real sockets on 127.0.0.1 (ephemeral ports) and in a temporary directory: connections, servers,
// backpressure both ways, cancellation, errors, and nothing left open once run() returns.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CancelledError, getRunningLoop, type Operation, RuntimeError } from "@corio/interfaces";
import { Event } from "@corio/sync";
import { createTask, run, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { expectRaises } from "@corio/testkit";
import { afterAll, describe, expect, it } from "vitest";
import {
  openConnection,
  openUnixConnection,
  type Server,
  type StreamReader,
  type StreamWriter,
  startServer,
  startUnixServer,
} from "../src/index.js";

const HOST = "127.0.0.1";
const tmp = mkdtempSync(join(tmpdir(), "corio-streams-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const portOf = (server: Server) => server.sockets[0]!.port;

/** An echo handler: sends every line back until EOF, then closes. */
function* echo(reader: StreamReader, writer: StreamWriter) {
  for (let line = yield* reader.readline(); line.length > 0; line = yield* reader.readline()) {
    writer.write(line);
    yield* writer.drain();
  }
  writer.close();
  yield* writer.waitClosed();
}

/** Awaits `op` and returns what it threw (fails the test if it did not throw). */
const thrown = (op: Operation<unknown>) => expectRaises<Error & { code?: string }>(op);

const sockets = () =>
  process.getActiveResourcesInfo().filter((r) => /^TCP|^PipeServer|^TLS/.test(r)).length;

describe("connections and servers", () => {
  it("echoes lines between openConnection and startServer, with peer and socket names", () =>
    run(function* () {
      const server = yield* startServer(echo, HOST, 0);
      expect(server.isServing()).toBe(true);
      const [reader, writer] = yield* openConnection(HOST, portOf(server));
      writer.writelines(["hello\n", "wor", "ld\n"]);
      yield* writer.drain();
      expect((yield* reader.readline()).toString()).toBe("hello\n");
      expect((yield* reader.readline()).toString()).toBe("world\n");
      expect(writer.getExtraInfo("peername")).toEqual([HOST, portOf(server)]);
      expect((writer.getExtraInfo("sockname") as [string, number])[0]).toBe(HOST);
      expect(writer.getExtraInfo("nothing", "dflt")).toBe("dflt");
      expect(writer.canWriteEof()).toBe(true);
      writer.writeEof();
      expect((yield* reader.read()).length).toBe(0); // the server closes after our EOF
      expect(reader.atEof()).toBe(true);
      writer.close();
      yield* writer.waitClosed();
      server.close();
      yield* server.waitClosed();
    }));

  it("writeEof() half-closes: the peer reads to EOF and can still answer", () =>
    run(function* () {
      const server = yield* startServer(
        function* (reader, writer) {
          const all = yield* reader.read();
          writer.write(`got ${all.length} bytes`);
          writer.close();
        },
        HOST,
        0,
      );
      const [reader, writer] = yield* openConnection(HOST, portOf(server));
      writer.write("x".repeat(100_000));
      writer.writeEof();
      expect((yield* reader.read()).toString()).toBe("got 100000 bytes");
      expect(() => writer.write("late")).toThrow(
        new RuntimeError("Cannot call write() after writeEof()"),
      );
      writer.close();
      expect(() => writer.write("later")).toThrow(RuntimeError);
      server.close();
      yield* server.waitClosed();
    }));

  it("a plain-function clientConnected is called with the pair; a failing coroutine is reported and its connection closed", () => {
    const reported: string[] = [];
    return run(
      function* () {
        const got: string[] = [];
        const plain = yield* startServer(
          (_reader, writer) => {
            got.push("plain called");
            writer.write("hi from a plain function\n");
            writer.close();
          },
          HOST,
          0,
        );
        const [r1] = yield* openConnection(HOST, portOf(plain));
        got.push((yield* r1.readline()).toString());
        const failing = yield* startServer(
          function* () {
            yield* sleep(1);
            throw new Error("handler failed");
          },
          HOST,
          0,
        );
        const [r2] = yield* openConnection(HOST, portOf(failing));
        got.push(`eof: ${(yield* r2.read()).length}`);
        const throwing = yield* startServer(
          () => {
            throw new Error("plain handler failed");
          },
          HOST,
          0,
        );
        const [r3] = yield* openConnection(HOST, portOf(throwing));
        got.push(`eof: ${(yield* r3.read()).length}`);
        expect(got).toEqual(["plain called", "hi from a plain function\n", "eof: 0", "eof: 0"]);
        plain.close();
        failing.close();
        throwing.close();
      },
      {
        setup: (loop) =>
          loop.setExceptionHandler((_l, ctx) =>
            reported.push(`${ctx.message}: ${(ctx.exception as Error).message}`),
          ),
      },
    ).then(() =>
      expect(reported).toEqual([
        "Unhandled exception in clientConnected: handler failed",
        "Unhandled exception in clientConnected: plain handler failed",
      ]),
    );
  });

  it("Unix sockets: startUnixServer and openUnixConnection echo, peername is the path", () =>
    run(function* () {
      const path = join(tmp, "echo.sock");
      const server = yield* startUnixServer(echo, path);
      expect(server.sockets).toEqual([{ family: "unix", address: path, port: 0 }]);
      const [reader, writer] = yield* openUnixConnection(path);
      writer.write("over unix\n");
      expect((yield* reader.readline()).toString()).toBe("over unix\n");
      expect(writer.getExtraInfo("peername")).toBe(path);
      writer.close();
      server.close();
      yield* server.waitClosed();
    }));
});

describe("exact cancellation over a real socket", () => {
  it("a task cancelled in readexactly() keeps the bytes that arrived for the next read", () =>
    run(function* () {
      const sent = new Event();
      const server = yield* startServer(
        function* (_reader, writer) {
          writer.write("abc");
          yield* writer.drain();
          yield* sent.wait();
          writer.write("def");
          writer.close();
        },
        HOST,
        0,
      );
      const [reader, writer] = yield* openConnection(HOST, portOf(server));
      const task = createTask(reader.readexactly(6));
      while (reader.statistics().buffered < 3) yield* sleep(1); // "abc" arrived, task still waits
      task.cancel();
      const error = yield* thrown(task);
      expect(error).toBeInstanceOf(CancelledError);
      sent.set();
      expect((yield* reader.readexactly(6)).toString()).toBe("abcdef");
      writer.close();
      server.close();
    }));
});

describe("backpressure", () => {
  it("drain() waits while the peer does not read, and returns once it does", () =>
    run(function* () {
      const log: string[] = [];
      const startReading = new Event();
      const server = yield* startServer(
        function* (reader, writer) {
          yield* startReading.wait();
          log.push("server reads");
          const all = yield* reader.read();
          log.push(`server got ${all.length > 0 ? "everything" : "nothing"}`);
          writer.close();
        },
        HOST,
        0,
        { limit: 1024 },
      );
      const [, writer] = yield* openConnection(HOST, portOf(server));
      const chunk = Buffer.alloc(64 * 1024, 1);
      let written = 0;
      // Until the socket's buffer is over its high-water mark: the kernel buffers are full too.
      while (!(writer.transport as { writableNeedDrain: boolean }).writableNeedDrain) {
        writer.write(chunk);
        written += chunk.length;
        yield* sleep(1);
      }
      log.push("client buffer full");
      const drain = createTask(writer.drain());
      yield* sleep(20);
      log.push(`drain pending: ${!drain.done()}`);
      startReading.set();
      yield* drain;
      log.push("drained");
      writer.writeEof();
      yield* writer.waitClosed();
      expect(written).toBeGreaterThan(0);
      expect(log.slice(0, 4)).toEqual([
        "client buffer full",
        "drain pending: true",
        "server reads",
        "drained",
      ]);
      server.close();
      yield* server.waitClosed();
    }));

  it("a reader that is not read pauses its socket past twice its limit", () =>
    run(function* () {
      const go = new Event();
      let serverReader: StreamReader | null = null;
      const server = yield* startServer(
        function* (reader) {
          serverReader = reader;
          yield* go.wait();
        },
        HOST,
        0,
        { limit: 1000 },
      );
      const [, writer] = yield* openConnection(HOST, portOf(server));
      writer.write(Buffer.alloc(100_000));
      while (
        serverReader === null ||
        (serverReader as StreamReader).statistics().buffered <= 2000
      ) {
        yield* sleep(1);
      }
      const stats = (serverReader as StreamReader).statistics();
      expect(stats.paused).toBe(true);
      expect(stats.buffered).toBeLessThan(100_000);
      // Reading everything resumes the socket and gets every byte.
      expect((yield* (serverReader as StreamReader).readexactly(100_000)).length).toBe(100_000);
      go.set();
      writer.close();
      server.close();
    }));

  it("a client reader that is not read pauses its socket too, and loses nothing", () =>
    run(function* () {
      // Client connections read through Node's `onread` (one buffer shared by every connection):
      // pausing must stop those reads as it stops 'data' events on accepted sockets.
      const total = 300_000;
      const payload = Buffer.alloc(total);
      for (let i = 0; i < total; i++) payload[i] = (i * 7 + (i >> 9)) & 0xff;
      const server = yield* startServer(
        function* (_reader, writer) {
          writer.write(payload);
          yield* writer.drain();
          writer.close();
        },
        HOST,
        0,
      );
      const [reader, writer] = yield* openConnection(HOST, portOf(server), { limit: 1000 });
      while (reader.statistics().buffered <= 2000) yield* sleep(1);
      yield* sleep(5); // a socket that was not paused would keep filling the buffer meanwhile
      const stats = reader.statistics();
      expect(stats.paused).toBe(true);
      expect(stats.buffered).toBeLessThan(total);
      const got = yield* reader.readexactly(total);
      expect(got.equals(payload)).toBe(true);
      expect((yield* reader.read(10)).length).toBe(0);
      expect(reader.atEof()).toBe(true);
      writer.close();
      server.close();
    }));

  it("many client connections reading at once each get their own bytes, in order", () =>
    run(function* () {
      // Every client socket reads into the same shared buffer: interleaved reads must not mix.
      const clients = 12;
      const size = 150_000; // several reads per connection
      const payloadOf = (id: number) => {
        const b = Buffer.alloc(size);
        for (let i = 0; i < size; i++) b[i] = (id * 31 + i * 13 + (i >> 8)) & 0xff;
        return b;
      };
      const server = yield* startServer(
        function* (reader, writer) {
          const id = (yield* reader.readexactly(1))[0]!;
          const payload = payloadOf(id);
          // In pieces, with pauses, so that the clients' reads interleave.
          for (let at = 0; at < size; at += 20_000) {
            writer.write(payload.subarray(at, at + 20_000));
            yield* writer.drain();
            yield* sleep(0);
          }
          writer.close();
        },
        HOST,
        0,
      );
      function* client(id: number) {
        const [reader, writer] = yield* openConnection(HOST, portOf(server));
        writer.write(Buffer.from([id]));
        const parts: Buffer[] = [];
        for (let chunk = yield* reader.read(7000); chunk.length > 0; ) {
          parts.push(chunk);
          chunk = yield* reader.read(7000);
        }
        writer.close();
        return Buffer.concat(parts).equals(payloadOf(id));
      }
      const tasks = Array.from({ length: clients }, (_, id) => createTask(client(id)));
      const results: boolean[] = [];
      for (const task of tasks) results.push(yield* task);
      expect(results).toEqual(Array.from({ length: clients }, () => true));
      server.close();
      yield* server.waitClosed();
    }));

  it("a reset connection: the read throws ECONNRESET, and so does drain() after it", () =>
    run(function* () {
      const server = yield* startServer(
        (_reader, writer) => {
          (writer.transport as unknown as { resetAndDestroy(): void }).resetAndDestroy();
        },
        HOST,
        0,
      );
      const [reader, writer] = yield* openConnection(HOST, portOf(server));
      const error = yield* thrown(reader.read());
      expect(error.code).toBe("ECONNRESET");
      expect((yield* thrown(writer.drain())).code).toBe("ECONNRESET");
      server.close();
    }));
});

describe("errors", () => {
  it("a refused connection throws Node's error with code ECONNREFUSED", () =>
    run(function* () {
      const server = yield* startServer(() => {}, HOST, 0);
      const port = portOf(server);
      server.close();
      yield* server.waitClosed();
      const error = yield* thrown(openConnection(HOST, port));
      expect(error.code).toBe("ECONNREFUSED");
    }));

  it("a port in use throws EADDRINUSE", () =>
    run(function* () {
      const server = yield* startServer(() => {}, HOST, 0);
      expect((yield* thrown(startServer(() => {}, HOST, portOf(server)))).code).toBe("EADDRINUSE");
      server.close();
    }));

  it("bad arguments throw typed errors naming the argument, before any I/O", () => {
    expect(() => openConnection(HOST, -1)).toThrow(
      new RangeError("openConnection(host, port): port must be an integer 1-65535, got number -1"),
    );
    expect(() => openConnection(HOST, 70000)).toThrow(RangeError);
    expect(() => openConnection(HOST, 80.5)).toThrow(RangeError);
    expect(() => openConnection("", 80)).toThrow(TypeError);
    expect(() => openConnection(HOST, 80, { limit: 0 })).toThrow(RangeError);
    expect(() => startServer("nope" as never, HOST, 0)).toThrow(TypeError);
    expect(() => startServer(() => {}, HOST, 65536)).toThrow(
      new RangeError(
        "startServer(clientConnected, host, port): port must be an integer 0-65535, got number 65536",
      ),
    );
    expect(() => openUnixConnection("")).toThrow(TypeError);
  });
});

describe("server shutdown", () => {
  it("close() stops listening; connected clients go on; waitClosed() waits for the last one", () =>
    run(function* () {
      const log: string[] = [];
      const server = yield* startServer(echo, HOST, 0);
      const port = portOf(server);
      const [reader, writer] = yield* openConnection(HOST, port);
      server.close();
      log.push(`serving: ${server.isServing()}, sockets: ${server.sockets.length}`);
      const closed = createTask(
        (function* () {
          yield* server.waitClosed();
          log.push("server closed");
        })(),
      );
      writer.write("still here\n");
      log.push((yield* reader.readline()).toString().trim());
      log.push(`new client: ${(yield* thrown(openConnection(HOST, port))).code}`);
      yield* sleep(10);
      log.push(`waitClosed done before the client left: ${closed.done()}`);
      writer.close();
      yield* closed;
      expect(log).toEqual([
        "serving: false, sockets: 0",
        "still here",
        "new client: ECONNREFUSED",
        "waitClosed done before the client left: false",
        "server closed",
      ]);
    }));

  it("cancelling serveForever() closes the server; close() ends serveForever() with CancelledError", () =>
    run(function* () {
      const first = yield* startServer(() => {}, HOST, 0);
      const serving = createTask(first.serveForever());
      yield* sleep(1);
      expect((yield* thrown(first.serveForever())).message).toMatch(/already being awaited/);
      serving.cancel();
      expect(yield* thrown(serving)).toBeInstanceOf(CancelledError);
      expect(first.isServing()).toBe(false);

      const second = yield* startServer(() => {}, HOST, 0);
      const forever = createTask(second.serveForever());
      yield* sleep(1);
      second.close();
      expect(yield* thrown(forever)).toBeInstanceOf(CancelledError);
      expect(yield* thrown(second.serveForever())).toBeInstanceOf(RuntimeError);
    }));
});

describe("the loop and the host", () => {
  it("nothing is left open after run() returns, even servers and sockets never closed", async () => {
    const hostTick = () => new Promise((resolve) => setImmediate(resolve));
    await hostTick(); // handles closed by earlier tests finish closing
    const before = sockets();
    let server: Server | null = null;
    let socket: { destroyed: boolean } | null = null;
    await run(function* () {
      server = yield* startServer(echo, HOST, 0);
      yield* startUnixServer(echo, join(tmp, "leak.sock"));
      const [reader, writer] = yield* openConnection(HOST, portOf(server));
      socket = writer.transport;
      writer.write("x\n");
      yield* reader.readline();
      createTask(reader.read()); // a task still reading when main returns
    });
    // Closed synchronously when the loop closed...
    expect((server as unknown as Server).isServing()).toBe(false);
    expect((socket as unknown as { destroyed: boolean }).destroyed).toBe(true);
    // ...and Node releases the handles on its next turn.
    await hostTick();
    expect(sockets()).toBe(before);
  });

  it("an idle server keeps nothing scheduled on the loop: no ready callback, no timer, no host timer", () =>
    run(function* () {
      const loop = getRunningLoop() as unknown as {
        statistics(): { ready: number; timers: number; hostTimerArmed: boolean; external: number };
        callSoon(cb: () => void): void;
      };
      const server = yield* startServer(echo, HOST, 0);
      const serving = createTask(server.serveForever());
      const looked = new Event();
      let seen: ReturnType<typeof loop.statistics> | null = null;
      // Look from outside the loop while every task waits.
      setTimeout(() => {
        seen = loop.statistics();
        loop.callSoon(() => looked.set());
      }, 20);
      yield* looked.wait();
      expect(seen).toMatchObject({ ready: 0, timers: 0, hostTimerArmed: false, external: 1 });
      serving.cancel();
      yield* thrown(serving);
    }));

  it("under the virtual clock, a read waiting on the network holds time still (no false timeout, no deadlock)", () =>
    runVirtual(function* () {
      const server = yield* startServer(
        (_reader, writer) => {
          setTimeout(() => writer.write("late reply\n"), 30); // real time, outside the loop
        },
        HOST,
        0,
      );
      const [reader, writer] = yield* openConnection(HOST, portOf(server));
      const watchdog = createTask(
        (function* () {
          yield* sleep(5000);
        })(),
      );
      const line = yield* reader.readline();
      expect(line.toString()).toBe("late reply\n");
      expect(getRunningLoop().time()).toBe(0);
      watchdog.cancel();
      writer.close();
      server.close();
    }));
});

describe("TLS", () => {
  const certDir = join(tmp, "tls");
  let cert: { key: Buffer; cert: Buffer } | null = null;
  try {
    mkdirSync(certDir, { recursive: true });
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        join(certDir, "key.pem"),
        "-out",
        join(certDir, "cert.pem"),
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1",
      ],
      { stdio: "ignore" },
    );
    cert = {
      key: readFileSync(join(certDir, "key.pem")),
      cert: readFileSync(join(certDir, "cert.pem")),
    };
  } catch {
    cert = null;
  }

  it("openssl made a self-signed certificate for the TLS tests", () => {
    expect(cert).not.toBeNull();
  });

  it("echoes over TLS with the ssl option; a client that does not trust the certificate is refused", () =>
    run(function* () {
      const { key, cert: pem } = cert!;
      const server = yield* startServer(echo, HOST, 0, { ssl: { key, cert: pem } });
      const [reader, writer] = yield* openConnection(HOST, portOf(server), {
        ssl: { ca: pem },
        serverHostname: "localhost",
      });
      writer.write("secret\n");
      expect((yield* reader.readline()).toString()).toBe("secret\n");
      expect(writer.canWriteEof()).toBe(false);
      expect(writer.getExtraInfo("cipher")).toHaveProperty("name");
      writer.close();
      yield* writer.waitClosed();
      const error = yield* thrown(openConnection(HOST, portOf(server), { ssl: true }));
      expect(error.code).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
      server.close();
      yield* server.waitClosed();
    }));
});
