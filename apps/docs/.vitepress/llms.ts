// Writes llms.txt (https://llmstxt.org) into the built site: the whole API reference as one
// plain-text page, from the markdown scripts/api.ts generated for the English API pages, so a
// language model (or a person with grep) reads every signature, asyncio counterpart and example
// in one request.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface ApiEntry {
  name: string;
  slug: string;
  description: string;
}

/** Markdown of a generated API page as plain text: no frontmatter, HTML anchors or containers. */
export function plainText(md: string): string {
  return md
    .replace(/^---\n[\s\S]*?\n---\n/, "")
    .replace(/<a id="[^"]*"><\/a>\s?/g, "")
    .replace(/^::: info (.+)$/gm, "$1:")
    .replace(/^:::$/gm, "")
    .replace(/&#8203;/g, "")
    .replace(/\\([_*<>[\]|`])/g, "$1")
    .replace(/\]\(\.\/[^)]*\)/g, "]")
    .replace(/\n{3,}/g, "\n\n");
}

export function llmsTxt(docs: string): string {
  const packages = JSON.parse(readFileSync(join(docs, "api/packages.json"), "utf8")) as ApiEntry[];
  const head = [
    "# corio",
    "",
    "> Python's asyncio rebuilt for TypeScript: an event loop, tasks, gather, queues, timeouts",
    "> and cancellation. Coroutines are generator functions (`function*`), `yield*` is `await`,",
    "> durations are milliseconds. Most programs import everything from the `corio` package.",
    "",
    "```ts",
    'import { createTask, gather, run, sleep } from "corio";',
    "",
    "function* crawlPage(url: string) {",
    "  yield* sleep(1000); // asyncio.sleep(1)",
    "  return url;",
    "}",
    "",
    "const pages = await run(function* () {",
    '  const tasks = ["url_1", "url_2"].map((u) => createTask(crawlPage(u), { name: u }));',
    "  return yield* gather(...tasks);",
    "});",
    "```",
    "",
    "Packages:",
    "",
    ...packages.map((p) => `- ${p.name}: ${p.description}`),
    "",
  ].join("\n");
  const bodies = packages
    .filter((p) => existsSync(join(docs, `api/${p.slug}.md`)))
    .map((p) => plainText(readFileSync(join(docs, `api/${p.slug}.md`), "utf8")).trim());
  return `${head}\n${bodies.join("\n\n")}\n`;
}

export function writeLlmsTxt(docs: string, outDir: string): void {
  if (!existsSync(join(docs, "api/packages.json"))) return;
  writeFileSync(join(outDir, "llms.txt"), llmsTxt(docs));
}
