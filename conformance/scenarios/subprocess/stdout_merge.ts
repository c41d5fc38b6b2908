// stderr: STDOUT sends the child's stderr into the stdout pipe, in the order it was written;
// communicate() then returns null for stderr. Input given to communicate() reaches stdin.
import { createSubprocessExec, PIPE, STDOUT } from "@corio/subprocess";
import { print } from "../../harness/trace.js";

const SCRIPT = "read x; echo out1; echo err1 >&2; echo out2 $x; echo err2 >&2";

export default function* main() {
  const proc = yield* createSubprocessExec("sh", ["-c", SCRIPT], {
    stdin: PIPE,
    stdout: PIPE,
    stderr: STDOUT,
  });
  print("stderr stream", proc.stderr);
  const [out, err] = yield* proc.communicate("hi\n");
  print("lines", out!.toString().trim().split(/\s+/));
  print("err", err);
  print("returncode", proc.returncode);
}
