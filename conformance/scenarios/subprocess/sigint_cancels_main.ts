// Ctrl-C (SIGINT) sent to a program inside run(): the main task is cancelled, its finally block
// runs, run() rejects with KeyboardInterrupt and the program exits with 130.
import { fileURLToPath } from "node:url";
import { createSubprocessExec, PIPE } from "@corio/subprocess";
import { print } from "../../harness/trace.js";

const CHILD = fileURLToPath(new URL("./children/sigint_child.ts", import.meta.url));

export default function* main() {
  const proc = yield* createSubprocessExec(process.execPath, ["--import", "tsx", CHILD], {
    stdout: PIPE,
  });
  print("child says", (yield* proc.stdout!.readline()).toString().trim());
  proc.sendSignal("SIGINT");
  const [out] = yield* proc.communicate();
  for (const line of out!
    .toString()
    .split("\n")
    .filter((l) => l !== "")) {
    print("child says", line);
  }
  print("child returncode", proc.returncode);
}
