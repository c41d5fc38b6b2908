// 一个程序里既有回显服务器，也有客户端（需要 Node：它会在
// 127.0.0.1 上打开真实的套接字）。
import { openConnection, type StreamReader, type StreamWriter, startServer } from "@corio/streams";

function* handleClient(reader: StreamReader, writer: StreamWriter) {
  const [host] = writer.getExtraInfo("peername") as [string, number];
  console.log(`server: a client connected from ${host}`);
  // 一次一行，直到客户端关掉它那一端。
  yield* reader.lines(function* (line) {
    writer.write(line.toString().toUpperCase());
    yield* writer.drain(); // 客户端读得不够快时，就在这里等
  });
  console.log("server: the client is done, closing");
  writer.close();
  yield* writer.waitClosed();
}

export function* main() {
  // 端口 0：由系统挑一个空闲端口。
  const server = yield* startServer(handleClient, "127.0.0.1", 0);
  const { port } = server.sockets[0]!;

  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  for (const word of ["hello", "corio"]) {
    writer.write(`${word}\n`);
    const reply = yield* reader.readline();
    console.log(`client: sent ${word}, got ${reply.toString().trim()}`);
  }
  writer.writeEof(); // “没有下一行了”：服务器的 lines() 循环就此结束
  const rest = yield* reader.read(); // 一直读到服务器关闭
  console.log(`client: the server closed (${rest.length} bytes left)`);
  writer.close();
  yield* writer.waitClosed();

  server.close();
  yield* server.waitClosed();
  console.log(`server: closed, serving: ${server.isServing()}`);
}
