// W9 on corio: an echo server and C clients in one process, each client doing n round trips of a
// 64-byte message over localhost with @corio/streams (write, drain, readexactly).
import { openConnection, type StreamReader, type StreamWriter, startServer } from "@corio/streams";
import { createTask, gather, run } from "corio";
import { check, now, params, program, report } from "../harness.js";

const MESSAGE = Buffer.alloc(64, "m");

program(async () => {
  const { n, clients = 1 } = params() as { n: number; clients?: number };
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
    function* client() {
      const [reader, writer] = yield* openConnection("127.0.0.1", port);
      let bytes = 0;
      for (let i = 0; i < n; i++) {
        writer.write(MESSAGE);
        yield* writer.drain();
        bytes += (yield* reader.readexactly(MESSAGE.length)).length;
      }
      writer.close();
      yield* writer.waitClosed();
      return bytes;
    }
    const t0 = now();
    const totals = yield* gather(...Array.from({ length: clients }, () => createTask(client())));
    ms = now() - t0;
    server.close();
    yield* server.waitClosed();
    return totals.reduce((a, b) => a + b, 0);
  });
  check(echoed === clients * n * MESSAGE.length, `every byte came back (${echoed})`);
  report({ ms, ops: clients * n });
});
