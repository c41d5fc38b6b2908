// Waiting getters are served first come, first served, whatever the order of later puts.
import { createTask, Queue, sleep, type Task } from "corio";
import { now, print } from "../../harness/trace.js";

function* getter(q: Queue<string>, name: string) {
  const item = yield* q.get();
  print(now(), name, "got", item);
}

export default function* main() {
  const q = new Queue<string>();
  const tasks: Task<void>[] = [];
  for (const name of ["first", "second", "third"]) {
    tasks.push(createTask(getter(q, name)));
    yield* sleep(100);
  }
  for (const item of ["A", "B", "C"]) {
    q.putNowait(item);
    print(now(), "put", item);
  }
  for (const t of tasks) yield* t;
}
