// 运行另一个程序，收下它打印的内容，再读出它的退出码。需要 Node.js。
import { createSubprocessExec, PIPE } from "@corio/subprocess";

export function* main() {
  const proc = yield* createSubprocessExec(
    process.execPath, // 正在运行本程序的那个 `node`
    ["-e", "console.log('hello from the child'); console.error('a warning'); process.exitCode = 3"],
    { stdout: PIPE, stderr: PIPE },
  );
  const [out, err] = yield* proc.communicate(); // 两个 Buffer
  console.log(`stdout: ${out!.toString().trim()}`);
  console.log(`stderr: ${err!.toString().trim()}`);
  console.log(`exit code: ${proc.returncode}`);
}
