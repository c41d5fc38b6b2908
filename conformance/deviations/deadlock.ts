// Deviation: awaiting a future nobody will ever complete hangs asyncio forever (the harness's
// virtual loop raises Deadlock where real asyncio would block in select()); corio's run() rejects
// with DeadlockError listing the tasks and what they wait on.
import { getRunningLoop } from "corio";
import { print } from "../harness/trace.js";

export const expected = "waiting for a future nobody completes\nmain raised DeadlockError\n";

export default function* main() {
  print("waiting for a future nobody completes");
  yield* getRunningLoop().createFuture<void>();
}
