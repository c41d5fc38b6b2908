// W9 on corio: an echo server and C clients in one process, each client doing n round trips of a
// 64-byte message over localhost with @corio/streams (write, drain, readexactly). Every client
// first makes `warmup` untimed round trips on the same connection, as the other programs do.
import { openConnection, type StreamReader, type StreamWriter, startServer } from "@corio/streams";
import { createTask, gather, run } from "corio";
import { check, now, params, program, report } from "../harness.js";

const MESSAGE = Buffer.alloc(64, "m");

program(async () => {
  const { n, clients = 1, warmup = 0 } = params();
  let ms = 0;
  const echoed = await run(function* () {
    function* echo(reader: StreamReader, writer: StreamWriter) {
      for (;;) {
        const data = yield* reader.read(65536);
        if (data.length === 0) break;
        writer.write(data);
        yield* writer.drain();
      }
      writer.close();
    }
    const server = yield* startServer(echo, "127.0.0.1", 0);
    const port = server.sockets[0]!.port;
    function* trips(reader: StreamReader, writer: StreamWriter, count: number) {
      let bytes = 0;
      for (let i = 0; i < count; i++) {
        writer.write(MESSAGE);
        yield* writer.drain();
        bytes += (yield* reader.readexactly(MESSAGE.length)).length;
      }
      return bytes;
    }
    function* warm() {
      const [reader, writer] = yield* openConnection("127.0.0.1", port);
      yield* trips(reader, writer, warmup);
      return [reader, writer] as const;
    }
    const pairs = yield* gather(...Array.from({ length: clients }, () => createTask(warm())));
    const t0 = now();
    const totals = yield* gather(...pairs.map(([r, w]) => createTask(trips(r, w, n))));
    ms = now() - t0;
    for (const [, writer] of pairs) writer.close();
    for (const [, writer] of pairs) yield* writer.waitClosed();
    server.close();
    yield* server.waitClosed();
    return totals.reduce((a, b) => a + b, 0);
  });
  check(echoed === clients * n * MESSAGE.length, `every byte came back (${echoed})`);
  report({ ms, ops: clients * n });
});
