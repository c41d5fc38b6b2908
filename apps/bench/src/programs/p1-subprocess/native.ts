// P1 on plain Node: n round trips through `cat` with child_process.execFile (1 KiB written to
// stdin, stdout collected by execFile), four at a time.
import { execFile } from "node:child_process";
import { check, now, params, program, report } from "../harness.js";

const INPUT = Buffer.alloc(1024, "x");
const WORKERS = 4;

function once(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile("cat", [], { encoding: "buffer" }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin!.end(INPUT);
  });
}

async function worker(rounds: number): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < rounds; i++) {
    const out = await once();
    if (out.equals(INPUT)) bytes += out.length;
  }
  return bytes;
}

program(async () => {
  const { n } = params();
  const t0 = now();
  const counts = await Promise.all(
    Array.from({ length: WORKERS }, (_, w) =>
      worker(Math.floor(n / WORKERS) + (w < n % WORKERS ? 1 : 0)),
    ),
  );
  const ms = now() - t0;
  const bytes = counts.reduce((a, b) => a + b, 0);
  check(bytes === n * INPUT.length, `every child echoed its input (${bytes} bytes)`);
  report({ ms, ops: n });
});
