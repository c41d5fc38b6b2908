// Runs one example of this folder as a program would: `node --import tsx run-example.ts <name>
// [real|virtual] [debug]`, with a top-level await on run(), so that what Node and corio print
// (and the exit code) are exactly what a user sees.
import { type Coroutine, run } from "corio";

const [name, clock = "real", debug] = process.argv.slice(2);
const mod = (await import(`./${name}.ts`)) as { main: () => Coroutine<unknown> };
await run(mod.main, { clock: clock as "real" | "virtual", debug: debug === "debug" });
console.log("run() returned");
