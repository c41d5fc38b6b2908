// stdin and stdout pipes to `cat`: each line written and drained comes back through readline();
// after stdin is closed, readline() returns an empty buffer and the reader is at EOF.
import { createSubprocessExec, PIPE } from "@corio/subprocess";
import { print } from "../../harness/trace.js";

export default function* main() {
  const proc = yield* createSubprocessExec("cat", [], { stdin: PIPE, stdout: PIPE });
  for (const word of ["alpha", "beta", "gamma"]) {
    proc.stdin!.write(`${word}\n`);
    yield* proc.stdin!.drain();
    const line = yield* proc.stdout!.readline();
    print("echoed", line.toString().trim());
  }
  proc.stdin!.close();
  print("after close", `'${(yield* proc.stdout!.readline()).toString()}'`);
  print("at_eof", proc.stdout!.atEof());
  print("wait", yield* proc.wait());
}
