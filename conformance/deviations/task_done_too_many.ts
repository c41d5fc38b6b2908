// Deviation: taskDone() called more often than items were put raises ValueError in asyncio;
// corio throws InvalidStateError (JavaScript has no ValueError; the queue is in the wrong state).
import { Queue } from "corio";
import { ename, print } from "../harness/trace.js";

export const expected = "second task_done raised InvalidStateError\n";

export default function* main() {
  const q = new Queue<number>();
  q.putNowait(1);
  q.getNowait();
  q.taskDone();
  try {
    q.taskDone();
  } catch (e) {
    print("second task_done raised", ename(e));
  }
}
