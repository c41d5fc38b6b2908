// A conversation with a child over its stdin and stdout, one line at a time. Needs Node.js.
import { createSubprocessExec, PIPE } from "@corio/subprocess";

// The child upper-cases every line it reads.
const SHOUT = `require("readline").createInterface({ input: process.stdin })
  .on("line", (line) => console.log(line.toUpperCase()));`;

export function* main() {
  const proc = yield* createSubprocessExec(process.execPath, ["-e", SHOUT], {
    stdin: PIPE,
    stdout: PIPE,
  });
  for (const word of ["hello", "corio"]) {
    proc.stdin!.write(`${word}\n`);
    yield* proc.stdin!.drain(); // waits while the pipe is full
    const answer = yield* proc.stdout!.readline();
    console.log(`${word} -> ${answer.toString().trim()}`);
  }
  proc.stdin!.close(); // the child sees the end of its input and exits
  console.log(`exit code: ${yield* proc.wait()}`);
}
