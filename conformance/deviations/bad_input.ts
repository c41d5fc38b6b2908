// Deviation: bad arguments. asyncio.wait([]) raises ValueError, and only when awaited (wait is a
// coroutine); asyncio.Queue(1.5) is accepted and full after two puts. corio checks arguments when
// called and throws typed errors: TypeError for an empty wait(), RangeError for a maxsize that is
// not an integer.
import { Queue, wait } from "corio";
import { ename, print } from "../harness/trace.js";

export const expected = "wait([]) raised TypeError\nQueue(1.5) raised RangeError\n";

export default function* main() {
  try {
    const w = wait([]);
    print("wait([]) created");
    yield* w;
  } catch (e) {
    print("wait([]) raised", ename(e));
  }
  try {
    const q = new Queue(1.5);
    print("Queue(1.5) created, maxsize", q.maxsize);
  } catch (e) {
    print("Queue(1.5) raised", ename(e));
  }
}
