// Server.close() stops listening at once (new clients are refused) but leaves connected clients
// alone; waitClosed() returns only after the last one is gone.
import { openConnection, startServer } from "@corio/streams";
import { createTask, sleep } from "corio";
import { pyName, text } from "../../harness/io-helpers.js";
import { print } from "../../harness/trace.js";

export default function* main() {
  const server = yield* startServer(
    function* (reader, writer) {
      yield* reader.lines((line) => writer.write(line));
      writer.close();
    },
    "127.0.0.1",
    0,
  );
  const port = server.sockets[0]!.port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  print("serving:", server.isServing());
  server.close();
  print("serving:", server.isServing(), "sockets:", server.sockets.length);
  const closed = createTask(
    (function* () {
      yield* server.waitClosed();
      print("server closed");
    })(),
  );
  writer.write("still here\n");
  print(text(yield* reader.readline()));
  try {
    yield* openConnection("127.0.0.1", port);
  } catch (e) {
    print("new client:", pyName(e));
  }
  yield* sleep(10);
  print("closed before the client left:", closed.done());
  writer.close();
  yield* closed;
  print("done");
}
