// readexactly() at EOF throws IncompleteReadError with the partial bytes and the expected count.
import { IncompleteReadError, openConnection, startServer } from "@corio/streams";
import { text } from "../../harness/io-helpers.js";
import { ename, print } from "../../harness/trace.js";

export default function* main() {
  const server = yield* startServer(
    (_reader, writer) => {
      writer.write("abc");
      writer.close();
    },
    "127.0.0.1",
    0,
  );
  const port = server.sockets[0]!.port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  try {
    yield* reader.readexactly(5);
  } catch (e) {
    if (!(e instanceof IncompleteReadError)) throw e;
    print(ename(e), text(e.partial), e.expected);
  }
  print("at eof:", reader.atEof());
  print("read:", text(yield* reader.read()), text(yield* reader.read(10)));
  writer.close();
  server.close();
  yield* server.waitClosed();
}
