// 同时跑三个程序，各有期限；超时的那个会被杀掉。需要 Node.js。
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
    // 取消 communicate()（或 wait()）并不会停掉子进程：
    // 得自己动手。
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
