// Cancelling serveForever() closes the server and the task ends cancelled; close() from elsewhere
// ends serveForever() with CancelledError too, and serving again is an error.
import { startServer } from "@corio/streams";
import { createTask, gather, RuntimeError, sleep } from "corio";
import { ename, print } from "../../harness/trace.js";

export default function* main() {
  const handle = (_reader: unknown, writer: { close(): void }) => writer.close();
  const server = yield* startServer(handle, "127.0.0.1", 0);
  const serving = createTask(server.serveForever());
  yield* sleep(1);
  serving.cancel();
  yield* gather(serving, { returnExceptions: true });
  print("cancelled:", serving.cancelled(), "serving:", server.isServing());

  const other = yield* startServer(handle, "127.0.0.1", 0);
  const forever = createTask(other.serveForever());
  yield* sleep(1);
  other.close();
  const results = yield* gather(forever, { returnExceptions: true });
  print("after close():", ename(results[0]));
  try {
    yield* other.serveForever();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print("serve again:", ename(e));
  }
}
