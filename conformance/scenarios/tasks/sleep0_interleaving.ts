// sleep(0) yields exactly one loop iteration: two loops interleave step by step, and a
// callSoon callback scheduled in between runs in its own slot.
import { createTask, getRunningLoop, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* ping(name: string, n: number) {
  for (let i = 0; i < n; i++) {
    print(name, i);
    if (i === 1) getRunningLoop().callSoon(() => print("soon from", name));
    yield* sleep(0);
  }
}

export default function* main() {
  const t1 = createTask(ping("ping", 4));
  const t2 = createTask(ping("pong", 3));
  yield* t1;
  yield* t2;
  print(now(), "end");
}
