// drain() waits while the peer does not read and returns once it does; every byte arrives.
import { openConnection, startServer } from "@corio/streams";
import { createTask, Event, sleep } from "corio";
import { print } from "../../harness/trace.js";

const CHUNK = Buffer.alloc(65536, "x");

export default function* main() {
  const startReading = new Event();
  let received = -1;
  const got = new Event();
  const server = yield* startServer(
    function* (reader, writer) {
      yield* startReading.wait();
      print("server reads");
      received = (yield* reader.read()).length;
      got.set();
      writer.close();
    },
    "127.0.0.1",
    0,
    { limit: 1024 },
  );
  const port = server.sockets[0]!.port;
  const [, writer] = yield* openConnection("127.0.0.1", port);
  let written = 0;
  while (!writer.transport.writableNeedDrain) {
    writer.write(CHUNK);
    written += CHUNK.length;
    yield* sleep(1);
  }
  print("client buffer full");
  const drain = createTask(writer.drain());
  yield* sleep(20);
  print("drain done while the peer does not read:", drain.done());
  startReading.set();
  yield* drain;
  print("drained");
  writer.writeEof();
  yield* got.wait();
  print("server received everything:", received === written);
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
