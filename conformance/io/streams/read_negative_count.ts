// read(n) with any negative n reads to EOF (asyncio's `if n < 0`), not only n = -1.
import { openConnection, startServer } from "@corio/streams";
import { text } from "../../harness/io-helpers.js";
import { print } from "../../harness/trace.js";

export default function* main() {
  const server = yield* startServer(
    function* (_reader, writer) {
      writer.write("abc");
      yield* writer.drain();
      writer.write("def");
      writer.close();
    },
    "127.0.0.1",
    0,
  );
  const port = server.sockets[0]!.port;
  for (const n of [-1, -2, -100]) {
    const [reader, writer] = yield* openConnection("127.0.0.1", port);
    print(n, "read:", text(yield* reader.read(n)), "at eof:", reader.atEof());
    writer.close();
  }
  server.close();
  yield* server.waitClosed();
}
