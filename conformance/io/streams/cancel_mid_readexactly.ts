// A task cancelled inside readexactly() gets CancelledError there; the bytes that had arrived stay
// buffered and the next readexactly() returns them with the rest.
import { openConnection, startServer } from "@corio/streams";
import { CancelledError, createTask, Event } from "corio";
import { text, untilBuffered } from "../../harness/io-helpers.js";
import { ename, print } from "../../harness/trace.js";

export default function* main() {
  const goOn = new Event();
  const server = yield* startServer(
    function* (_reader, writer) {
      writer.write("abc");
      yield* writer.drain();
      yield* goOn.wait();
      writer.write("def");
      writer.close();
    },
    "127.0.0.1",
    0,
  );
  const port = server.sockets[0]!.port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);

  function* read6() {
    try {
      return yield* reader.readexactly(6);
    } catch (e) {
      print("reader task got", ename(e));
      throw e;
    }
  }

  const task = createTask(read6());
  yield* untilBuffered(reader, 3);
  task.cancel();
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("cancelled:", task.cancelled());
  }
  goOn.set();
  print("next read:", text(yield* reader.readexactly(6)));
  writer.close();
  server.close();
  yield* server.waitClosed();
}
