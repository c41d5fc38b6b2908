// A child ended by a signal has minus the signal number as its return code: -9 after kill(),
// -15 after terminate(), -2 after sendSignal("SIGINT"); null while it runs.
import { createSubprocessExec } from "@corio/subprocess";
import { print } from "../../harness/trace.js";

export default function* main() {
  for (const how of ["kill", "terminate", "sigint"]) {
    const proc = yield* createSubprocessExec("sleep", ["30"]);
    print(how, "before", proc.returncode);
    if (how === "kill") proc.kill();
    else if (how === "terminate") proc.terminate();
    else proc.sendSignal("SIGINT");
    print(how, "wait", yield* proc.wait());
    print(how, "after", proc.returncode);
  }
}
