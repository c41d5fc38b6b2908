// Iterating over a reader yields each line, the last one without its newline, and stops at EOF
// (asyncio's `async for line in reader` is `reader.lines(handle)` in a coroutine).
import { openConnection, startServer } from "@corio/streams";
import { text } from "../../harness/io-helpers.js";
import { print } from "../../harness/trace.js";

export default function* main() {
  const server = yield* startServer(
    (_reader, writer) => {
      writer.write("alpha\nbeta\ngamma");
      writer.close();
    },
    "127.0.0.1",
    0,
  );
  const port = server.sockets[0]!.port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  const count = yield* reader.lines((line) => print(text(line)));
  print("lines:", count);
  writer.close();
  server.close();
  yield* server.waitClosed();
}
