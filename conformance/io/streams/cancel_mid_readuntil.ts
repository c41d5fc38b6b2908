// A task cancelled inside readuntil() consumes nothing: readline() afterwards gets the whole line.
import { openConnection, startServer } from "@corio/streams";
import { createTask, Event, gather } from "corio";
import { text, untilBuffered } from "../../harness/io-helpers.js";
import { print } from "../../harness/trace.js";

export default function* main() {
  const goOn = new Event();
  const server = yield* startServer(
    function* (_reader, writer) {
      writer.write("par");
      yield* writer.drain();
      yield* goOn.wait();
      writer.write("tial\nnext\n");
      writer.close();
    },
    "127.0.0.1",
    0,
  );
  const port = server.sockets[0]!.port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  const task = createTask(reader.readuntil("\n"));
  yield* untilBuffered(reader, 3);
  task.cancel();
  yield* gather(task, { returnExceptions: true });
  print("cancelled:", task.cancelled());
  goOn.set();
  print(text(yield* reader.readline()));
  print(text(yield* reader.readline()));
  print(text(yield* reader.readline()));
  writer.close();
  server.close();
  yield* server.waitClosed();
}
