// A program that does not exist: create_subprocess_exec raises FileNotFoundError (errno ENOENT);
// corio keeps Node's error, whose code is ENOENT. Reading past the end of a pipe with
// readexactly() raises IncompleteReadError with the partial bytes.
import { createSubprocessExec, IncompleteReadError, PIPE } from "@corio/subprocess";
import { print } from "../../harness/trace.js";

export default function* main() {
  try {
    yield* createSubprocessExec("no-such-program-corio");
  } catch (e) {
    print("spawn failed:", (e as { code?: string }).code);
  }
  const proc = yield* createSubprocessExec("printf", ["abc"], { stdout: PIPE });
  try {
    yield* proc.stdout!.readexactly(5);
  } catch (e) {
    if (e instanceof IncompleteReadError) {
      print("incomplete:", Buffer.from(e.partial).toString(), e.expected);
    }
  }
  print("wait", yield* proc.wait());
}
