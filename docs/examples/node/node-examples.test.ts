// The Node.js examples of "Running other programs" and "Ctrl-C and graceful shutdown"
// (docs/guide/subprocesses.md, docs/guide/graceful-shutdown.md and their Chinese twins). They start
// real processes and take real signals, so they run here on the real clock, not in the browser or
// on the virtual clock like the examples one folder up: each prints exactly the pinned lines.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Coroutine, run } from "corio";
import { describe, expect, it, vi } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const docs = join(here, "..", "..");

/** What each coroutine example prints, line by line. */
const expected: Record<string, string[]> = {
  "run-program": ["stdout: hello from the child", "stderr: a warning", "exit code: 3"],
  "talk-to-program": ["hello -> HELLO", "corio -> CORIO", "exit code: 0"],
  "programs-with-deadline": [
    "quick done",
    "slow killed after 500 ms (return code -9)",
    "steady done",
  ],
  "graceful-shutdown": [
    "serving",
    "SIGTERM: shutting down",
    "worker 1: connections closed",
    "worker 2: connections closed",
    "all clean, exiting",
  ],
};

/** The standalone program, run in a child and interrupted: its output and exit code. */
const ctrlC = {
  lines: [
    "working... press Ctrl-C",
    "cleaning up before exit",
    "stopped: interrupted (Ctrl-C): the main task was cancelled, exit code 130",
  ],
  code: 130,
};

const slugs = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => basename(f, ".ts"))
  .sort();

async function runExample(slug: string): Promise<string[]> {
  const mod = (await import(/* @vite-ignore */ `./${slug}.ts`)) as {
    main: () => Coroutine<unknown>;
  };
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  });
  try {
    await run(mod.main);
  } finally {
    spy.mockRestore();
  }
  return lines;
}

describe("the Node.js examples", () => {
  it("are all pinned here", () => {
    expect(slugs).toEqual([...Object.keys(expected), "ctrl-c"].sort());
  });

  for (const [slug, lines] of Object.entries(expected)) {
    it(`${slug} prints what the page says`, async () => {
      expect(await runExample(slug)).toEqual(lines);
    }, 20_000);
  }

  it("ctrl-c: the first Ctrl-C runs the finally block, then exits with 130", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(here, "ctrl-c.ts")], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: string[] = [];
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split("\n");
      buffer = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (line === ctrlC.lines[0]) child.kill("SIGINT"); // the user presses Ctrl-C
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect({ lines, code }).toEqual(ctrlC);
  }, 20_000);

  it("are each shown on an English and a Chinese page that says they need Node.js", () => {
    for (const lang of ["guide", "zh/guide"]) {
      const pages = ["subprocesses.md", "graceful-shutdown.md"].map((p) =>
        readFileSync(join(docs, lang, p), "utf8"),
      );
      for (const slug of slugs) {
        const page = pages.find((text) => text.includes(`<<< @/examples/node/${slug}.ts`));
        expect(page, `${lang}: no page shows ${slug}`).toBeDefined();
        expect(page).toMatch(/Node\.js/);
      }
    }
  });
});
