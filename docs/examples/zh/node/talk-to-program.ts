// 通过子进程的 stdin 和 stdout 跟它对话，一次一行。需要 Node.js。
import { createSubprocessExec, PIPE } from "@corio/subprocess";

// 子进程把读到的每一行都转成大写。
const SHOUT = `require("readline").createInterface({ input: process.stdin })
  .on("line", (line) => console.log(line.toUpperCase()));`;

export function* main() {
  const proc = yield* createSubprocessExec(process.execPath, ["-e", SHOUT], {
    stdin: PIPE,
    stdout: PIPE,
  });
  for (const word of ["hello", "corio"]) {
    proc.stdin!.write(`${word}\n`);
    yield* proc.stdin!.drain(); // 管道满了就在这里等
    const answer = yield* proc.stdout!.readline();
    console.log(`${word} -> ${answer.toString().trim()}`);
  }
  proc.stdin!.close(); // 子进程读到输入结束，随即退出
  console.log(`exit code: ${yield* proc.wait()}`);
}
