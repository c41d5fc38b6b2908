// writeEof() half-closes: the server reads to EOF, answers, and the client reads the answer.
import { openConnection, startServer } from "@corio/streams";
import { text } from "../../harness/io-helpers.js";
import { print } from "../../harness/trace.js";

export default function* main() {
  const server = yield* startServer(
    function* (reader, writer) {
      const request = yield* reader.read();
      print("server got", request.length, "bytes, at eof:", reader.atEof());
      writer.write(`thanks for ${request.length} bytes\n`);
      yield* writer.drain();
      writer.close();
      yield* writer.waitClosed();
    },
    "127.0.0.1",
    0,
  );
  const port = server.sockets[0]!.port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  print("can write eof:", writer.canWriteEof());
  writer.write(Buffer.alloc(100000, "y"));
  writer.writeEof();
  print(text(yield* reader.readline()));
  print(text(yield* reader.readline()), reader.atEof());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
