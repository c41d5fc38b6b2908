// Ctrl-C 对 corio 程序做了什么：run() 取消主任务，主任务的 finally 块
// 照常执行，随后 run() 以 KeyboardInterrupt 拒绝，退出码是 130。
// 需要 Node.js：用 `npx tsx ctrl-c.ts` 运行，然后按 Ctrl-C。
import { KeyboardInterrupt, run, sleep } from "corio";

function* main() {
  console.log("working... press Ctrl-C");
  try {
    for (;;) yield* sleep(1000);
  } finally {
    console.log("cleaning up before exit");
  }
}

try {
  await run(main);
} catch (error) {
  if (!(error instanceof KeyboardInterrupt)) throw error;
  console.log(`stopped: ${error.message}, exit code ${process.exitCode}`);
}
