// readline() past the limit drops the long line (its end is buffered) and the next line reads fine.
// asyncio raises ValueError there, corio LimitOverrunError (see the package's differences).
import { LimitOverrunError, openConnection, startServer } from "@corio/streams";
import { text, untilBuffered } from "../../harness/io-helpers.js";
import { print } from "../../harness/trace.js";

export default function* main() {
  const server = yield* startServer(
    (_reader, writer) => {
      writer.write("0123456789\nok\n");
      writer.close();
    },
    "127.0.0.1",
    0,
  );
  const port = server.sockets[0]!.port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port, { limit: 4 });
  yield* untilBuffered(reader, 14);
  try {
    yield* reader.readline();
  } catch (e) {
    if (!(e instanceof LimitOverrunError)) throw e;
    print("line too long");
  }
  print(text(yield* reader.readline()));
  print(text(yield* reader.readline()));
  writer.close();
  server.close();
  yield* server.waitClosed();
}
