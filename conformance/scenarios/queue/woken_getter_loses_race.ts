// A getter woken by put() does not own the item: if someone takes it before the getter resumes,
// the getter waits again. Same for a putter woken by get(): a putNowait() can fill the slot first.
import { createTask, Queue, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* getter(q: Queue<string>) {
  const item = yield* q.get();
  print(now(), "getter finally got", item);
}

function* putter(q: Queue<string>, item: string) {
  yield* q.put(item);
  print(now(), "putter finally put", item);
}

export default function* main() {
  const q = new Queue<string>();
  const g = createTask(getter(q));
  yield* sleep(100);
  q.putNowait("first");
  print("stolen by get_nowait:", q.getNowait());
  yield* sleep(100);
  print(now(), "getter still waiting:", !g.done());
  q.putNowait("second");
  yield* g;

  const bounded = new Queue<string>(1);
  bounded.putNowait("a");
  const p = createTask(putter(bounded, "b"));
  yield* sleep(100);
  print(now(), "got", bounded.getNowait());
  bounded.putNowait("c");
  print("slot taken by put_nowait; full:", bounded.full());
  yield* sleep(100);
  print(now(), "putter still waiting:", !p.done());
  print(now(), "got", bounded.getNowait());
  yield* p;
  print("left", bounded.getNowait());
}
