// readuntil() with several separators returns the shortest match; at EOF it throws
// IncompleteReadError whose partial is the rest and expected is null (None).
import { IncompleteReadError, openConnection, startServer } from "@corio/streams";
import { text } from "../../harness/io-helpers.js";
import { ename, print } from "../../harness/trace.js";

export default function* main() {
  const server = yield* startServer(
    (_reader, writer) => {
      writer.write("a|b\r\nc;;tail");
      writer.close();
    },
    "127.0.0.1",
    0,
  );
  const port = server.sockets[0]!.port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  print(text(yield* reader.readuntil(["\r\n", "|"])));
  print(text(yield* reader.readuntil(["\r\n", "|"])));
  print(text(yield* reader.readuntil(";;")));
  try {
    yield* reader.readuntil(";;");
  } catch (e) {
    if (!(e instanceof IncompleteReadError)) throw e;
    print(ename(e), text(e.partial), e.expected);
  }
  writer.close();
  server.close();
  yield* server.waitClosed();
}
