// A future's state machine: result()/exception() while pending raise InvalidStateError; a second
// setResult raises it too; cancel() only works while pending.
import { getRunningLoop } from "corio";
import { ename, print, ValueError } from "../../harness/trace.js";

function attempt(label: string, fn: () => unknown) {
  try {
    print(label, "->", fn());
  } catch (e) {
    print(label, "raised", ename(e));
  }
}

export default function* main() {
  const loop = getRunningLoop();
  const f = loop.createFuture<number>();
  attempt("pending result()", () => f.result());
  attempt("pending exception()", () => f.exception());
  print("done", f.done(), "cancelled", f.cancelled());
  f.setResult(1);
  attempt("result()", () => f.result());
  attempt("exception()", () => f.exception());
  attempt("second set_result", () => f.setResult(2));
  attempt("set_exception on done", () => f.setException(new ValueError("x")));
  attempt("cancel() on done", () => f.cancel());

  const g = loop.createFuture<number>();
  g.setException(new ValueError("bad"));
  attempt("failed result()", () => g.result());
  attempt("failed exception()", () => ename(g.exception()));

  const h = loop.createFuture<number>();
  attempt("cancel()", () => h.cancel("why"));
  attempt("cancel() again", () => h.cancel());
  print("cancelled", h.cancelled(), "done", h.done());
  attempt("cancelled result()", () => h.result());
  attempt("cancelled exception()", () => h.exception());
  attempt("set_result on cancelled", () => h.setResult(3));
}
