// The examples of the "Developing with corio" page (docs/guide/developing.md and its Chinese twin)
// run here, and what they print is pinned: both pages must show exactly these outputs, in blocks
// marked `<!-- output: <name> -->`. Three examples are about the process (its exit, its end), so they run as programs (child
// processes, the way a user meets them); the others run in this process.
//
// When what corio prints changes, update `OUTPUTS` and the two pages together.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Coroutine, run } from "corio";
import { describe, expect, it, vi } from "vitest";

const here = join(dirname(fileURLToPath(import.meta.url)), "developing");
const docs = dirname(dirname(fileURLToPath(import.meta.url)));

/** What each run prints, after `normalize`. */
const OUTPUTS: Record<string, string> = {
  "never-retrieved": [
    "main: done after 1 s",
    "Task exception was never retrieved",
    'future: <Task finished name="Task-2">',
    "Error: mail server refused the report",
    "run() returned",
    "(exit code 0)",
  ].join("\n"),
  blocking: [
    "heartbeat 0",
    "main: computed for 150 ms",
    "corio: a callback took 150.0 ms (slowCallbackDuration is 100 ms)",
    "heartbeat 1",
    "heartbeat 2",
  ].join("\n"),
  "never-settles": [
    "main: waiting for a reply",
    "DeadlockError: deadlock: the host has nothing left to do, but run() is still waiting: no timer, callback or I/O can wake it (a promise that never settles?)",
    "1 pending task:",
    "- Task-1: waiting on a promise",
    "outside the loop: a promise",
    "(exit code 1)",
  ].join("\n"),
  "refuses-to-stop": [
    "main: done, run() now cancels what is left",
    ...Array.from({ length: 10 }, () => "stubborn: cancelled, carrying on anyway"),
    "RuntimeError: run(): 1 task(s) refused to stop after 10 rounds of cancellation (each caught its CancelledError and kept running)",
    "1 pending task:",
    "- Task-2: waiting on sleep(1000)",
    "(exit code 1)",
  ].join("\n"),
  "await-cycle": [
    "DeadlockError: deadlock: no task can make progress (nothing ready, no timer, nothing outside the loop pending) and the main task is not done",
    "3 pending tasks:",
    '- Task-1: waiting on task "a"',
    '- a: waiting on task "b"',
    '- b: waiting on task "a"',
    "await cycle: a -> b -> a",
  ].join("\n"),
};

/**
 * Stack frames and absolute paths differ between machines; the slow-callback duration is a
 * measured time. What is left is the message a user reads.
 */
function normalize(text: string): string {
  return text
    .split("\n")
    .filter((l) => !/^\s+at /.test(l))
    .map((l) => l.replace(/took \d+(\.\d+)? ms/, "took 150.0 ms").trimEnd())
    .map((l) => l.trimStart())
    .filter((l) => l !== "")
    .join("\n");
}

/** Runs an example in this process on the virtual clock, capturing the console. */
async function inProcess(name: string, options: { debug?: boolean } = {}): Promise<string> {
  const mod = (await import(`./developing/${name}.ts`)) as { main: () => Coroutine<unknown> };
  const lines: string[] = [];
  const capture = (...args: unknown[]) =>
    void lines.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(" "));
  const spies = (["log", "warn", "error"] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation(capture),
  );
  try {
    await run(mod.main, { clock: "virtual", debug: options.debug ?? false });
  } catch (e) {
    lines.push(String(e));
  } finally {
    for (const s of spies) s.mockRestore();
  }
  return normalize(lines.join("\n"));
}

/**
 * Runs an example as a program (`run-example.ts`). With `killAfter`, once that line has been
 * printed the program gets 500 ms more to end, then is killed; otherwise it must end by itself.
 */
function asProgram(name: string, clock: "real" | "virtual", killAfter?: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(here, "run-example.ts"), name, clock],
      { cwd: docs, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let timer: ReturnType<typeof setTimeout> | undefined;
    let killed = false;
    const onData = (d: Buffer) => {
      out += d;
      if (killAfter !== undefined && timer === undefined && out.includes(killAfter)) {
        timer = setTimeout(() => {
          killed = true;
          child.kill("SIGKILL");
        }, 500);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const end = killed ? "(still running 0.5 s later: killed)" : `(exit code ${code})`;
      resolve(normalize(`${out}\n${end}`));
    });
  });
}

/** The output blocks a page shows, by example name. */
function pageOutputs(page: string): Record<string, string> {
  const text = readFileSync(join(docs, page), "utf8");
  const out: Record<string, string> = {};
  for (const [, name, body] of text.matchAll(
    /<!-- output: ([\w-]+) -->\s*```text\n([\s\S]*?)```/g,
  )) {
    out[name!] = normalize(body!);
  }
  return out;
}

describe("Developing with corio: the examples print what the page says", () => {
  it("a failure nobody retrieves is reported, at the latest when the loop closes", async () => {
    expect(await asProgram("never-retrieved", "virtual")).toBe(OUTPUTS["never-retrieved"]);
  });

  it("debug mode names a callback that blocked the loop", async () => {
    // Real time is what the warning measures, and on a busy machine any step can take 100 ms.
    // Here each reading of the clock moves it by 1 ms: only the step that spins on the clock
    // (busyFor) reaches the threshold, whatever the machine's load.
    let fake = performance.now();
    const clock = vi.spyOn(performance, "now").mockImplementation(() => (fake += 1));
    try {
      expect(await inProcess("blocking", { debug: true })).toBe(OUTPUTS.blocking);
    } finally {
      clock.mockRestore();
    }
  });

  it("a cycle of awaits is a DeadlockError that names the cycle", async () => {
    expect(await inProcess("await-cycle")).toBe(OUTPUTS["await-cycle"]);
  });

  it.concurrent("a promise that never settles fails run() with DeadlockError, on both clocks", async () => {
    const [real, virtual] = await Promise.all([
      asProgram("never-settles", "real"),
      asProgram("never-settles", "virtual"),
    ]);
    expect(real).toBe(OUTPUTS["never-settles"]);
    expect(virtual).toBe(OUTPUTS["never-settles"]);
  }, 30_000);

  it.concurrent("a task that refuses to stop: ten rounds of cancellation, then an error naming it", async () => {
    expect(await asProgram("refuses-to-stop", "virtual")).toBe(OUTPUTS["refuses-to-stop"]);
    // On the real clock each round waits for the task's 1,000 steps of 1 s: still running.
    const real = await asProgram("refuses-to-stop", "real", "carrying on anyway");
    expect(real).toBe(
      [
        "main: done, run() now cancels what is left",
        "stubborn: cancelled, carrying on anyway",
        "(still running 0.5 s later: killed)",
      ].join("\n"),
    );
  }, 30_000);

  for (const page of ["guide/developing.md", "zh/guide/developing.md"]) {
    it(`${page} shows exactly these outputs`, () => {
      expect(pageOutputs(page)).toEqual(OUTPUTS);
    });
  }
});
