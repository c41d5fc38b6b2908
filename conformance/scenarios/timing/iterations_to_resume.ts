// How many loop iterations each kind of await takes before the awaiting task resumes, counted by
// a ticker task that prints once per iteration. Pins the exact scheduling cost of each primitive.
import {
  createTask,
  type Future,
  gather,
  getRunningLoop,
  type Operation,
  Queue,
  shield,
  sleep,
  taskGroup,
  timeout,
  wait,
  waitFor,
} from "corio";
import { print } from "../../harness/trace.js";

let ticks = 0;

function* ticker() {
  for (;;) {
    yield* sleep(0);
    ticks++;
  }
}

function* quick() {
  return "quick";
}

export default function* main() {
  const loop = getRunningLoop();
  const t = createTask(ticker());
  yield* sleep(0);

  function* measure(label: string, make: () => Operation<unknown>) {
    yield* sleep(0);
    const start = ticks;
    yield* make();
    print(label, ticks - start);
  }

  const done = loop.createFuture<number>() as Future<number>;
  done.setResult(1);

  const soonFuture = () => {
    const f = loop.createFuture<void>();
    loop.callSoon(() => f.setResult(undefined));
    return f;
  };
  const chained = () => {
    const f1 = loop.createFuture<void>();
    const f2 = loop.createFuture<void>();
    f1.addDoneCallback(() => f2.setResult(undefined));
    loop.callSoon(() => f1.setResult(undefined));
    return f2;
  };
  const q = new Queue<string>();
  q.putNowait("x");
  const getLater = () => {
    loop.callSoon(() => q.putNowait("y"));
    return q.get();
  };

  yield* measure("done future", () => done);
  yield* measure("sleep(0)", () => sleep(0));
  yield* measure("future set by call_soon", soonFuture);
  yield* measure("future set by a done callback", chained);
  yield* measure("new task returning at once", () => createTask(quick()));
  yield* measure("inline coroutine", quick);
  yield* measure("gather(done future)", () => gather(done));
  yield* measure("gather(coroutine)", () => gather(quick()));
  yield* measure("gather()", () => gather());
  yield* measure("wait([done future])", () => wait([done]));
  yield* measure("shield(done future)", () => shield(done));
  yield* measure("shield(coroutine)", () => shield(quick()));
  yield* measure("wait_for(coroutine, 10)", () => waitFor(quick(), 10_000));
  yield* measure("wait_for(done future, 10)", () => waitFor(done, 10_000));
  yield* measure("queue.get() with an item", () => q.get());
  yield* measure("queue.get() woken by call_soon", getLater);
  yield* measure("timeout around a done future", () =>
    timeout(10_000, function* () {
      yield* done;
    }),
  );
  yield* measure("TaskGroup with one quick child", () =>
    taskGroup(function* (tg) {
      tg.createTask(quick());
    }),
  );
  t.cancel();
}
