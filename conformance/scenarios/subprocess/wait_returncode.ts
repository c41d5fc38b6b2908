// wait() returns the exit code; returncode is null until then; waiting again returns the same code
// at once; a signal after the child is gone raises ProcessLookupError; a shell command works alike.
import { createSubprocessExec, createSubprocessShell, ProcessLookupError } from "@corio/subprocess";
import { ename, print } from "../../harness/trace.js";

export default function* main() {
  const proc = yield* createSubprocessExec("sh", ["-c", "exit 3"]);
  print("returncode before", proc.returncode);
  print("wait", yield* proc.wait());
  print("returncode after", proc.returncode);
  print("wait again", yield* proc.wait());
  try {
    proc.kill();
  } catch (e) {
    if (e instanceof ProcessLookupError) print("kill after exit:", ename(e));
  }
  const shell = yield* createSubprocessShell("exit 7");
  print("shell wait", yield* shell.wait());
}
