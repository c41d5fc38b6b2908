// Every tutorial example is real code: this file runs each one under the virtual clock and pins
// its exact output and elapsed loop time, and checks that the pages only show examples that exist
// and that every example is taught in both languages.
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type Coroutine, type EventLoop, run } from "corio";
import { describe, expect, it, vi } from "vitest";

const examplesDir = dirname(fileURLToPath(import.meta.url));
const docsDir = dirname(examplesDir);

/** What each example prints, line by line, and how much loop time it takes (ms). */
const expected: Record<string, { lines: string[]; elapsed: number }> = {
  hello: { lines: ["waiting one second...", "hello, corio"], elapsed: 1000 },
  "crawl-sequential": {
    lines: [
      "crawling url_1",
      "OK url_1",
      "crawling url_2",
      "OK url_2",
      "crawling url_3",
      "OK url_3",
      "crawling url_4",
      "OK url_4",
    ],
    elapsed: 10_000,
  },
  "crawl-tasks": {
    lines: [
      "crawling url_1",
      "crawling url_2",
      "crawling url_3",
      "crawling url_4",
      "OK url_1",
      "OK url_2",
      "OK url_3",
      "OK url_4",
    ],
    elapsed: 4000,
  },
  "crawl-gather": {
    lines: [
      "crawling url_1",
      "crawling url_2",
      "crawling url_3",
      "crawling url_4",
      "OK url_1",
      "OK url_2",
      "OK url_3",
      "OK url_4",
    ],
    elapsed: 4000,
  },
  "gather-errors": {
    lines: [
      "caught at 200 ms: user 2 not found",
      "ok: user 1",
      "failed: user 2 not found",
      "ok: user 3",
      "all settled at 500 ms",
    ],
    elapsed: 500,
  },
  "producer-consumer": {
    lines: [
      "0 ms: producer 1 puts 11",
      "0 ms: producer 2 puts 21",
      "0 ms: consumer 1 takes 11",
      "0 ms: consumer 2 takes 21",
      "1000 ms: producer 1 puts 12",
      "1000 ms: producer 2 puts 22",
      "1500 ms: consumer 1 takes 12",
      "1500 ms: consumer 2 takes 22",
      "2000 ms: producer 1 puts 13",
      "2000 ms: producer 2 puts 23",
      "3000 ms: consumer 1 takes 13",
      "3000 ms: consumer 2 takes 23",
      "3000 ms: producer 1 puts 14",
      "3000 ms: producer 2 puts 24",
      "4000 ms: producer 1 puts 15",
      "4000 ms: producer 2 puts 25",
      "4500 ms: consumer 1 takes 14",
      "4500 ms: consumer 2 takes 24",
      "6000 ms: consumer 1 takes 15",
      "6000 ms: consumer 2 takes 25",
      "7500 ms: all done, consumers cancelled: true",
    ],
    elapsed: 7500,
  },
  "task-group-supervisor": {
    lines: [
      "300 ms: sent to ada",
      "500 ms: sent to cy",
      "500 ms: failed: mailbox of bob is full",
      "1500 ms: stopping, 1 s grace",
      "1700 ms: worker 1 stopped cleanly after 3 jobs",
      "1700 ms: worker 2 stopped cleanly after 3 jobs",
      "1700 ms: all stopped",
    ],
    elapsed: 1700,
  },
  "flow-sequential": {
    lines: [
      "before await",
      "work_1 start",
      "work_1 end",
      "awaited work_1",
      "work_2 start",
      "work_2 end",
      "awaited work_2",
    ],
    elapsed: 3000,
  },
  "flow-concurrent": {
    lines: [
      "before await",
      "work_1 start",
      "work_2 start",
      "work_1 end",
      "awaited work_1",
      "work_2 end",
      "awaited work_2",
    ],
    elapsed: 2000,
  },
  "flow-eager": {
    lines: [
      "work_1 start",
      "task1 created",
      "work_2 start",
      "task2 created",
      "before await",
      "work_1 end",
      "awaited work_1",
      "work_2 end",
      "awaited work_2",
    ],
    elapsed: 2000,
  },
  "done-callback": {
    lines: [
      "callback registered, main keeps going",
      "callback: score:ada finished with 30",
      "main got 30",
    ],
    elapsed: 1500,
  },
  "run-inside-loop": {
    lines: [
      "RuntimeError: run() cannot be called from a running event loop: inside a coroutine, use `yield* work()` to wait for it or `createTask(work())` to run it alongside",
      "work done",
    ],
    elapsed: 1000,
  },
  "event-loop": {
    lines: [
      "0 ms: main booked three events and now sleeps",
      "0 ms: the callSoon callback runs",
      "500 ms: the 0.5 s timer fires",
      "2000 ms: the 2 s timer fires",
      "3000 ms: main wakes up",
    ],
    elapsed: 3000,
  },
  "yield-star": {
    lines: [
      "fetchTotal: asking the server",
      "ticker: tick 1 at 0 ms",
      "ticker: tick 2 at 300 ms",
      "ticker: tick 3 at 600 ms",
      "main: total is 42 at 1000 ms",
    ],
    elapsed: 1000,
  },
  "deep-calls": {
    lines: ["3000 files in 1000 nested folders, 1000 ms"],
    elapsed: 1000,
  },
  cooperative: {
    lines: [
      "A: chunk 1",
      "B: chunk 1",
      "greedy: chunk 1",
      "greedy: chunk 2",
      "greedy: chunk 3",
      "A: chunk 2",
      "B: chunk 2",
      "greedy: done",
      "A: chunk 3",
      "B: chunk 3",
    ],
    elapsed: 0,
  },
  "virtual-clock": {
    lines: ["up after 4 checks, 45 minutes of loop time"],
    elapsed: 2_700_000,
  },
  timeouts: {
    lines: [
      "500 ms: got fast page",
      "1500 ms: slow page cut off, cleaning up",
      "1500 ms: slow page timed out",
      "2300 ms: step 1 done",
      "3100 ms: step 2 done",
      "3500 ms: step 3 cut off, cleaning up",
      "3500 ms: the block ran out of time",
    ],
    elapsed: 3500,
  },
  contextvars: {
    lines: [
      "0 ms [req-1] start",
      "0 ms [req-2] start",
      "100 ms [req-1] read users",
      "150 ms [req-2] read users",
      "200 ms [req-1] read orders",
      "200 ms [req-1] done",
      "300 ms [req-2] read orders",
      "300 ms [req-2] done",
      "300 ms [-] both requests served",
    ],
    elapsed: 300,
  },
  shield: {
    lines: [
      "0 ms: saving report.pdf...",
      "500 ms: the client hangs up",
      "500 ms: response abandoned, the save carries on",
      "2000 ms: report.pdf saved",
      "request cancelled: true, save cancelled: false",
    ],
    elapsed: 2000,
  },
  "task-group": {
    lines: [
      "300 ms: header done",
      "500 ms: body done",
      "500 ms: page = header + body",
      "700 ms: comments cancelled",
      "700 ms: the group failed: ads failed",
    ],
    elapsed: 700,
  },
  lock: {
    lines: [
      "without a lock:",
      "ann bought one, 0 left",
      "bob bought one, -1 left",
      "with a lock:",
      "ann bought one, 0 left",
      "bob: sold out",
    ],
    elapsed: 200,
  },
  cancel: {
    lines: [
      "big-file: started",
      "main: 3 s is long enough, cancelling",
      "big-file: cancelled, cleaning up",
      "main: task.cancelled() = true",
    ],
    elapsed: 3000,
  },
};

/** Runs one example's `main` under the virtual clock, collecting what it logs. */
async function runExample(slug: string): Promise<{ lines: string[]; elapsed: number }> {
  const mod = (await import(/* @vite-ignore */ `./${slug}.ts`)) as {
    main: () => Coroutine<unknown>;
  };
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  });
  let loop: EventLoop | undefined;
  try {
    await run(mod.main, {
      clock: "virtual",
      setup: (l) => {
        loop = l;
      },
    });
  } finally {
    spy.mockRestore();
  }
  return { lines, elapsed: loop?.time() ?? Number.NaN };
}

const exampleSlugs = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => basename(f, ".ts"))
  .sort();

describe("every example", () => {
  it("has its expected output pinned here", () => {
    expect(exampleSlugs).toEqual(Object.keys(expected).sort());
  });

  for (const slug of exampleSlugs) {
    it(`${slug} prints what the tutorial says, in the loop time it says`, async () => {
      const want = expected[slug];
      expect(want, `no expected output for ${slug}`).toBeDefined();
      expect(await runExample(slug)).toEqual(want);
    });

    it(`${slug} exports a generator function main and has no top-level side effects`, async () => {
      const spy = vi.spyOn(console, "log").mockImplementation(() => {});
      try {
        const mod = (await import(/* @vite-ignore */ `./${slug}.ts`)) as Record<string, unknown>;
        expect(Object.prototype.toString.call(mod.main)).toBe("[object GeneratorFunction]");
        expect(spy).not.toHaveBeenCalled();
      } finally {
        spy.mockRestore();
      }
      const source = readFileSync(join(examplesDir, `${slug}.ts`), "utf8");
      for (const [, from] of source.matchAll(/from\s+"([^"]+)"/g)) expect(from).toBe("corio");
    });
  }
});

/**
 * Every hand-written markdown page under docs/: skips installed packages, dot folders and the API
 * reference the site generates into docs/api (it may be rewritten while the tests run).
 */
function pages(dir = docsDir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    if (dir === docsDir && entry.name === "api") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...pages(path));
    else if (entry.name.endsWith(".md")) out.push(path);
  }
  return out;
}

/** The anchors VitePress gives a page's headings (its default slugify). */
function headingSlugs(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map(([, title]) =>
    title
      .replace(/`/g, "")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^-+|-+$/g, "")
      .replace(/^(\d)/, "_$1")
      .toLowerCase(),
  );
}

describe("the pages", () => {
  const all = pages().map((path) => ({
    page: relative(docsDir, path),
    text: readFileSync(path, "utf8"),
  }));
  const used = { en: new Set<string>(), zh: new Set<string>() };

  for (const { page, text } of all) {
    const lang = page.startsWith("zh/") ? "zh" : "en";
    for (const [, name] of text.matchAll(/<ExampleRun\s+name="([^"]+)"/g)) used[lang].add(name);

    it(`${page} only shows examples that exist, each followed by its run`, () => {
      const lines = text.split("\n");
      for (const [i, line] of lines.entries()) {
        const snippet = /^<<< @\/examples\/([\w.-]+)\.ts$/.exec(line.trim());
        if (snippet) {
          const file = `${snippet[1]}.ts`;
          expect(readdirSync(examplesDir), `${page}:${i + 1}`).toContain(file);
          if (!file.endsWith(".test.ts")) {
            // The run sits right under the code, so the reader sees code, then what it did.
            const next = lines.slice(i + 1).find((l) => l.trim() !== "");
            expect(next?.trim(), `${page}:${i + 1}`).toBe(`<ExampleRun name="${snippet[1]}" />`);
          }
        }
        const runTag = /<ExampleRun\s+name="([^"]+)"/.exec(line);
        if (runTag) expect(exampleSlugs, `${page}:${i + 1}`).toContain(runTag[1]);
      }
    });
  }

  it("link only to pages and headings that exist", () => {
    const broken: string[] = [];
    // The tutorial and home pages; other engineers' pages (architecture, performance...) are theirs.
    const tutorial = all.filter(({ page }) => /^(zh\/)?(guide\/|index\.md$)/.test(page));
    expect(tutorial.length).toBeGreaterThan(20);
    for (const { page, text } of tutorial) {
      for (const [, target] of text.matchAll(/\]\((\.{1,2}\/[^)\s]+)\)/g)) {
        const [file, anchor] = target.split("#");
        const path = join(dirname(join(docsDir, page)), file);
        let linked: string;
        try {
          linked = readFileSync(path, "utf8");
        } catch {
          broken.push(`${page} -> ${target}`);
          continue;
        }
        if (anchor !== undefined && !headingSlugs(linked).includes(anchor)) {
          broken.push(`${page} -> ${target} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("teach every example in English and in Chinese", () => {
    const missing = exampleSlugs.flatMap((slug) =>
      (["en", "zh"] as const).filter((l) => !used[l].has(slug)).map((l) => `${slug} (${l})`),
    );
    expect(missing).toEqual([]);
  });
});
