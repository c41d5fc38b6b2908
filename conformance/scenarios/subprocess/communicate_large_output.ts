// communicate() reads 20 MB from stdout and 1 MB from stderr at the same time: no pipe fills up,
// nothing deadlocks, every byte arrives.
import { createSubprocessExec, PIPE } from "@corio/subprocess";
import { print } from "../../harness/trace.js";

const SCRIPT = "head -c 20971520 /dev/zero; head -c 1048576 /dev/zero >&2; exit 5";

export default function* main() {
  const proc = yield* createSubprocessExec("sh", ["-c", SCRIPT], { stdout: PIPE, stderr: PIPE });
  const [out, err] = yield* proc.communicate();
  print("stdout bytes", out!.length);
  print("stderr bytes", err!.length);
  print(
    "all zero",
    out!.every((b) => b === 0),
  );
  print("returncode", proc.returncode);
}
