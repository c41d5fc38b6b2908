// run() and Ctrl-C, with real signals sent to a real child process running a corio program
// (test/fixtures/sigint-program.ts, through tsx): what runs, what run() settles with, the exit code.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DeadlockError, getRunningLoop } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { run } from "../src/index.js";

const program = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "sigint-program.ts");

interface Outcome {
  stdout: string[];
  stderr: string;
  code: number | null;
  signal: string | null;
}

/** Runs the program in `mode`; sends each of `signals` after the line that asks for it appears. */
function runProgram(mode: string, signals: [afterLine: string, signal: NodeJS.Signals][]) {
  return new Promise<Outcome>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", program, mode], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: string[] = [];
    let stderr = "";
    let pending = "";
    const todo = [...signals];
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const parts = pending.split("\n");
      pending = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        while (todo.length > 0 && lines.includes(todo[0]![0])) child.kill(todo.shift()![1]);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout: lines, stderr, code, signal });
    });
  });
}

// Each case starts a fresh `node --import tsx` (about a second, more on a loaded machine).
describe("run() and Ctrl-C (SIGINT), as asyncio.run", () => {
  it("the first Ctrl-C cancels main, its finally runs, run() rejects with KeyboardInterrupt, exit code 130", async () => {
    const out = await runProgram("plain", [["ready", "SIGINT"]]);
    expect(out.stdout).toEqual(["ready", "main finally runs", "run rejected: KeyboardInterrupt"]);
    expect(out.stderr).toMatch(
      /KeyboardInterrupt: interrupted \(Ctrl-C\): the main task was cancelled/,
    );
    expect([out.code, out.signal]).toEqual([130, null]);
  }, 30_000);

  it("a program that catches KeyboardInterrupt chooses its own exit code", async () => {
    const out = await runProgram("catch", [["ready", "SIGINT"]]);
    expect(out.stdout).toEqual(["ready", "main finally runs", "run rejected: KeyboardInterrupt"]);
    expect([out.code, out.stderr]).toEqual([0, ""]);
  }, 30_000);

  it("if main swallows the cancellation, run() returns its result (asyncio does the same)", async () => {
    const out = await runProgram("swallow", [["ready", "SIGINT"]]);
    expect(out.stdout).toEqual([
      "ready",
      "main swallowed the cancellation",
      "main finally runs",
      "run returned: finished anyway",
    ]);
    expect(out.code).toBe(0);
  }, 30_000);

  it("a second Ctrl-C while main cleans up stops waiting for it: the shutdown cancels it, exit 130", async () => {
    const out = await runProgram("slow-finally", [
      ["ready", "SIGINT"],
      ["cleanup started", "SIGINT"],
    ]);
    expect(out.stdout).toEqual([
      "ready",
      "main finally runs",
      "cleanup started",
      "cleanup cut short",
      "run rejected: KeyboardInterrupt",
    ]);
    expect(out.stderr).toMatch(/interrupted twice/);
    expect(out.code).toBe(130);
  }, 30_000);

  for (const sig of ["SIGTERM", "SIGINT"] as const) {
    it(`a ${sig} handler from loop.addSignalHandler runs on the loop, outside any task${sig === "SIGINT" ? ", in place of run()'s" : ""}`, async () => {
      const out = await runProgram(sig, [["ready", sig]]);
      expect(out.stdout).toEqual([
        "ready",
        `${sig} handled on the loop (in a task: false)`,
        "main finally runs",
        "run rejected: CancelledError",
      ]);
      expect(out.code).toBe(1);
    }, 30_000);
  }
});

describe("run()'s SIGINT listener", () => {
  const count = () => process.listenerCount("SIGINT");

  it("is there while main runs and gone when run() returns", async () => {
    const before = count();
    const during = await run(function* () {
      return count();
    });
    expect([during - before, count() - before]).toEqual([1, 0]);
  });

  it("is not installed with handleSigint: false, nor over a listener the process already has", async () => {
    const before = count();
    expect(
      await run(
        () =>
          (function* () {
            return count();
          })(),
        { handleSigint: false },
      ),
    ).toBe(before);
    const own = () => {};
    process.on("SIGINT", own);
    try {
      expect(
        await run(function* () {
          return count();
        }),
      ).toBe(before + 1);
    } finally {
      process.removeListener("SIGINT", own);
    }
  });

  it("never hides a deadlock", async () => {
    await expect(
      run(
        function* () {
          yield* getRunningLoop().createFuture<void>("never");
        },
        { clock: "virtual" },
      ),
    ).rejects.toThrow(DeadlockError);
  });
});
