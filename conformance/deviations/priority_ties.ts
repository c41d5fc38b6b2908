// Deviation: items of equal priority leave asyncio's PriorityQueue in heap order (unspecified);
// corio's PriorityQueue is stable: equal priorities come out in insertion order.
import { PriorityQueue } from "corio";
import { print } from "../harness/trace.js";

export const expected = "['a', 'b', 'c', 'd', 'e', 'f']\n";

export default function* main() {
  const q = new PriorityQueue<{ priority: number; name: string }>(0, { key: (j) => j.priority });
  for (const name of "abcdef") q.putNowait({ priority: 1, name });
  print([0, 1, 2, 3, 4, 5].map(() => q.getNowait().name));
}
