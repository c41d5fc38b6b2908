// Runs another program, collects what it prints, and reads its exit code. Needs Node.js.
import { createSubprocessExec, PIPE } from "@corio/subprocess";

export function* main() {
  const proc = yield* createSubprocessExec(
    process.execPath, // the `node` running this program
    ["-e", "console.log('hello from the child'); console.error('a warning'); process.exitCode = 3"],
    { stdout: PIPE, stderr: PIPE },
  );
  const [out, err] = yield* proc.communicate(); // two Buffers
  console.log(`stdout: ${out!.toString().trim()}`);
  console.log(`stderr: ${err!.toString().trim()}`);
  console.log(`exit code: ${proc.returncode}`);
}
