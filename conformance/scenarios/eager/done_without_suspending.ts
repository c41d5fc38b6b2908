// An eager task whose coroutine never suspends is done when createTask returns; it is the
// current task during that step (the creator is current again after), it is not among allTasks,
// and its done callbacks are scheduled, not called inside createTask.
import { allTasks, createTask, currentTask, sleep } from "corio";
import { print } from "../../harness/trace.js";

function* quick(tag: number) {
  print("quick runs, current is", currentTask()!.getName());
  return tag * 2;
}

function* lazy() {
  print("lazy runs");
  return "lazy";
}

export default function* main() {
  currentTask()!.setName("main");
  const t = createTask(quick(21), { name: "quick", eagerStart: true });
  print("after create: done", t.done(), "result", t.result());
  print("current is", currentTask()!.getName());
  print("quick in all_tasks", allTasks().has(t));
  t.addDoneCallback(() => print("done callback of quick"));
  print("callback added");
  const slow = createTask(lazy(), { name: "lazy" });
  print("lazy created, done", slow.done());
  yield* sleep(0);
  print("after one iteration, lazy done", slow.done());
  print("await quick ->", yield* t);
}
