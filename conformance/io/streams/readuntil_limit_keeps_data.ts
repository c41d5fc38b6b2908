// readuntil() past the limit throws LimitOverrunError and leaves the data buffered for the next read.
import { LimitOverrunError, openConnection, startServer } from "@corio/streams";
import { text, untilBuffered } from "../../harness/io-helpers.js";
import { ename, print } from "../../harness/trace.js";

export default function* main() {
  const server = yield* startServer(
    function* (_reader, writer) {
      writer.write("0123456789\nrest\n");
      yield* writer.drain();
      writer.close();
    },
    "127.0.0.1",
    0,
  );
  const port = server.sockets[0]!.port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port, { limit: 4 });
  yield* untilBuffered(reader, 16);
  try {
    yield* reader.readuntil("\n");
  } catch (e) {
    if (!(e instanceof LimitOverrunError)) throw e;
    print(ename(e), e.consumed);
  }
  print("still buffered:", text(yield* reader.readexactly(11)));
  print("next line:", text(yield* reader.readline()));
  print("at eof:", text(yield* reader.read()), reader.atEof());
  writer.close();
  server.close();
  yield* server.waitClosed();
}
