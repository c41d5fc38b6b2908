// The network examples (docs/examples/network/) need Node and real sockets, so they run here on
// the real clock rather than in examples.test.ts (virtual clock); this file also checks that the
// pages show only network examples that exist, each in English and in Chinese.
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Coroutine, run } from "corio";
import { describe, expect, it, vi } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const docsDir = join(here, "..", "..");

/** What each network example prints, line by line. */
const expected: Record<string, string[]> = {
  echo: [
    "server: a client connected from 127.0.0.1",
    "client: sent hello, got HELLO",
    "client: sent corio, got CORIO",
    "server: the client is done, closing",
    "client: the server closed (0 bytes left)",
    "server: closed, serving: false",
  ],
  crawler: [
    "/page_1: 200, 16 bytes",
    "/page_2: 200, 16 bytes",
    "/page_3: 200, 16 bytes",
    "/page_4: 200, 16 bytes",
    "/slow: gave up after 2 s",
    "at most 2 pages in flight",
  ],
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

describe("network examples (real sockets on 127.0.0.1, real clock)", () => {
  it("each has its output pinned here", () => {
    expect(slugs).toEqual(Object.keys(expected).sort());
  });

  for (const slug of slugs) {
    it(`${slug} prints what the page says`, async () => {
      expect(await runExample(slug)).toEqual(expected[slug]);
    });
  }
});

describe("the network pages", () => {
  const page = (lang: "en" | "zh") =>
    readFileSync(join(docsDir, lang === "en" ? "guide" : "zh/guide", "network.md"), "utf8");

  for (const lang of ["en", "zh"] as const) {
    it(`${lang}: shows every network example, only ones that exist, and says they need Node`, () => {
      const text = page(lang);
      const shown = [...text.matchAll(/^<<< @\/examples\/network\/([\w.-]+)\.ts$/gm)].map(
        (m) => m[1],
      );
      expect([...new Set(shown)].sort()).toEqual(slugs);
      expect(text).toMatch(/Node/);
      expect(text).not.toMatch(/<ExampleRun/); // the browser cannot open sockets
    });
  }
});
