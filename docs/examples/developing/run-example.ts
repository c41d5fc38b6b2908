// Runs one example of this folder as a program would: `node --import tsx run-example.ts <name>
// [real|virtual] [debug]`, awaiting run() at the top level, so that what corio prints and the exit
// code are what a user sees. When run() rejects, the error's name and message are printed (Node's
// own report of an uncaught error adds a source excerpt and a stack that differ between machines).
import { type Coroutine, run } from "corio";

// Everything goes to one stream, so that lines come out in the order they were printed (the
// default exception handler writes to stderr, the examples to stdout).
console.log = console.error;
const [name, clock = "real", debug] = process.argv.slice(2);
const mod = (await import(`./${name}.ts`)) as { main: () => Coroutine<unknown> };
try {
  await run(mod.main, { clock: clock as "real" | "virtual", debug: debug === "debug" });
  console.log("run() returned");
} catch (error) {
  console.error(`${(error as Error).name}: ${(error as Error).message}`);
  process.exitCode = 1;
}
