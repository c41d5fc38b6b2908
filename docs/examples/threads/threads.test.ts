// The "CPU work on threads" examples need Node (worker threads), so they live here, away from the
// browser Run buttons, and run on the real clock: a virtual clock holds still while a job runs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Coroutine, run } from "corio";
import { describe, expect, it, vi } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));

const expected: Record<string, string[]> = {
  "to-thread": [
    "counting on a worker thread; the loop stays free for other tasks",
    "78498 primes below 1,000,000",
  ],
  "pool-map": ["per range: 22044, 19494, 18700, 18260", "in all: 78498"],
  errors: ["true to must be at least from, got 100..10", "true"],
  cancel: ["gave up after 200 ms", "busy workers: 0", "next job: 25 primes"],
};

async function output(slug: string): Promise<string[]> {
  const mod = (await import(/* @vite-ignore */ `./${slug}.ts`)) as { main: () => Coroutine };
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

describe("the CPU-work-on-threads examples", () => {
  for (const [slug, lines] of Object.entries(expected)) {
    it(`${slug} prints what the page says`, async () => {
      expect(await output(slug)).toEqual(lines);
    });
  }

  it("both pages show every example and the output pinned here", () => {
    for (const page of ["guide/threads.md", "zh/guide/threads.md"]) {
      const text = readFileSync(join(here, "..", "..", page), "utf8");
      for (const [slug, lines] of Object.entries(expected)) {
        expect(text, `${page} shows ${slug}`).toContain(`<<< @/examples/threads/${slug}.ts`);
        for (const line of lines) expect(text, `${page}: ${slug}`).toContain(line);
      }
      expect(text, `${page} says it needs Node`).toMatch(/Node/);
    }
  });
});
