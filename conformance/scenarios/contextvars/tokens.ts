// ContextVar.get without a value, and reset() with a token used twice, from another variable or
// made in another context (asyncio's ValueError is corio's RangeError: both print "rejected").
import {
  ContextVar,
  copyContext,
  createTask,
  LookupError,
  RuntimeError,
  type Token,
  Token as TokenClass,
} from "corio";
import { ename, print } from "../../harness/trace.js";

const v = new ContextVar<number | string>("v");
const w = new ContextVar<string>("w", { default: "w-default" });

function attempt(label: string, fn: () => unknown) {
  try {
    fn();
    print(label, "ok");
  } catch (e) {
    if (e instanceof RuntimeError || e instanceof LookupError) print(label, ename(e));
    else if (e instanceof RangeError) print(label, "rejected");
    else throw e;
  }
}

function* setter() {
  return v.set("from a task");
}

export default function* main() {
  attempt("get unset", () => v.get());
  print("get with default", v.get("given"), w.get());
  const t1 = v.set(1);
  print("old value missing", t1.oldValue === TokenClass.MISSING, t1.var === v);
  const t2 = v.set(2);
  print("old value", t2.oldValue);
  attempt("reset by other var", () => w.reset(t2 as unknown as Token<string>));
  attempt("reset in a copy", () => copyContext().run(() => v.reset(t2)));
  const taskToken = yield* createTask(setter());
  attempt("reset a task's token", () => v.reset(taskToken));
  print("value", v.get());
  attempt("reset t2", () => v.reset(t2));
  print("value", v.get());
  attempt("reset t2 again", () => v.reset(t2));
  attempt("reset t1", () => v.reset(t1));
  attempt("get after reset", () => v.get());
  const ctx = copyContext();
  attempt("run nested", () => ctx.run(() => ctx.run(() => null)));
}
