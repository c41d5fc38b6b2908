// P1 on corio: n round trips through `cat` (spawn, 1 KiB to stdin, read it back from stdout, wait),
// four at a time, each with createSubprocessExec + communicate.
import { createSubprocessExec, PIPE } from "@corio/subprocess";
import { createTask, gatherAll, run } from "corio";
import { check, now, params, program, report } from "../harness.js";

const INPUT = Buffer.alloc(1024, "x");
const WORKERS = 4;

function* worker(rounds: number) {
  let bytes = 0;
  for (let i = 0; i < rounds; i++) {
    const proc = yield* createSubprocessExec("cat", [], { stdin: PIPE, stdout: PIPE });
    const [out] = yield* proc.communicate(INPUT);
    if (proc.returncode === 0 && out!.equals(INPUT)) bytes += out!.length;
  }
  return bytes;
}

program(async () => {
  const { n } = params();
  const t0 = now();
  const bytes = await run(function* () {
    const tasks = Array.from({ length: WORKERS }, (_, w) =>
      createTask(worker(Math.floor(n / WORKERS) + (w < n % WORKERS ? 1 : 0))),
    );
    return (yield* gatherAll(tasks)).reduce((a, b) => a + b, 0);
  });
  const ms = now() - t0;
  check(bytes === n * INPUT.length, `every child echoed its input (${bytes} bytes)`);
  report({ ms, ops: n });
});
