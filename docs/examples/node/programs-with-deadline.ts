// Three programs at once, each with a deadline; one that runs late is killed. Needs Node.js.
import { createSubprocessExec, PIPE } from "@corio/subprocess";
import { gather, TimeoutError, waitFor } from "corio";

function* runFor(name: string, seconds: number, deadlineMs: number) {
  const code = `setTimeout(() => console.log("${name} done"), ${seconds * 1000})`;
  const proc = yield* createSubprocessExec(process.execPath, ["-e", code], { stdout: PIPE });
  try {
    const [out] = yield* waitFor(proc.communicate(), deadlineMs);
    return out!.toString().trim();
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    // Cancelling communicate() (or wait()) does not stop the child: stop it yourself.
    proc.kill();
    return `${name} killed after ${deadlineMs} ms (return code ${yield* proc.wait()})`;
  }
}

export function* main() {
  const results = yield* gather(
    runFor("quick", 0.1, 2000),
    runFor("slow", 30, 500),
    runFor("steady", 0.2, 2000),
  );
  for (const line of results) console.log(line);
}
