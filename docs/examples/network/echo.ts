// An echo server and a client in one program (needs Node: it opens real sockets on 127.0.0.1).
import { openConnection, type StreamReader, type StreamWriter, startServer } from "@corio/streams";

function* handleClient(reader: StreamReader, writer: StreamWriter) {
  const [host] = writer.getExtraInfo("peername") as [string, number];
  console.log(`server: a client connected from ${host}`);
  // One line at a time until the client closes its side.
  yield* reader.lines(function* (line) {
    writer.write(line.toString().toUpperCase());
    yield* writer.drain(); // waits if the client does not read fast enough
  });
  console.log("server: the client is done, closing");
  writer.close();
  yield* writer.waitClosed();
}

export function* main() {
  // Port 0: the system picks a free port.
  const server = yield* startServer(handleClient, "127.0.0.1", 0);
  const { port } = server.sockets[0]!;

  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  for (const word of ["hello", "corio"]) {
    writer.write(`${word}\n`);
    const reply = yield* reader.readline();
    console.log(`client: sent ${word}, got ${reply.toString().trim()}`);
  }
  writer.writeEof(); // "no more lines": the server's lines() loop ends
  const rest = yield* reader.read(); // until the server closes
  console.log(`client: the server closed (${rest.length} bytes left)`);
  writer.close();
  yield* writer.waitClosed();

  server.close();
  yield* server.waitClosed();
  console.log(`server: closed, serving: ${server.isServing()}`);
}
