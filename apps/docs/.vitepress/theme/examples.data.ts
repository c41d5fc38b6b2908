// Build-time runs of every docs/examples/*.ts: each example's main() runs under corio's virtual
// clock, and its output, elapsed loop time and timeline become page data. Nothing here is ever
// typed by hand or committed: VitePress calls load() on every build (and again in dev when an
// example changes).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { type ExampleResult, runExample } from "../../lib/run-example";

declare const data: Record<string, ExampleResult>;

export { data };

const here = dirname(fileURLToPath(import.meta.url));
// Compiled examples land inside the app, so `import "corio"` resolves to the app's own corio.
const cacheDir = resolve(here, "../cache/examples");

/** Whether a file in docs/examples/ is an example (tests and helpers are not). */
export function isExampleFile(file: string): boolean {
  const name = basename(file);
  return (
    name.endsWith(".ts") &&
    !name.endsWith(".test.ts") &&
    !name.endsWith(".d.ts") &&
    !name.startsWith("_")
  );
}

/** Packages that exist only in Node.js (their browser entry throws), and Node's own modules. */
const nodeOnlyImport =
  /from\s+["'](node:[^"']+|@corio\/(streams|subprocess|threads|queue-redis)(\/[^"']*)?)["']/;

/** Whether an example needs Node.js: a Node-only import, or a `// docs: node-only` line. */
export function needsNode(source: string): boolean {
  return nodeOnlyImport.test(source) || /^\/\/\s*docs:\s*node-only\b/m.test(source);
}

async function loadExample(file: string): Promise<{ main?: unknown }> {
  const source = readFileSync(file, "utf8");
  const js = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
    },
    fileName: file,
  }).outputText;
  const hash = createHash("sha1").update(js).digest("hex").slice(0, 10);
  const out = join(cacheDir, `${basename(file, ".ts")}.${hash}.mjs`);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(out, js);
  return import(pathToFileURL(out).href);
}

function emptyResult(name: string, error: string): ExampleResult {
  return {
    name,
    clock: "virtual",
    timeScale: 1,
    lines: [],
    tasks: [],
    events: [],
    elapsed: 0,
    wall: 0,
    error,
  };
}

export default {
  watch: ["../../../../docs/examples/*.ts"],
  async load(files: string[]): Promise<Record<string, ExampleResult>> {
    const results: Record<string, ExampleResult> = {};
    for (const file of files.filter(isExampleFile)) {
      const name = basename(file, ".ts");
      let main: unknown;
      try {
        main = (await loadExample(file)).main;
        if (typeof main !== "function") throw new TypeError("it must export function* main()");
      } catch (error) {
        // The page shows the failure (and the e2e test fails on it) instead of the whole site
        // failing to build while an example is being written.
        const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        console.warn(`docs/examples/${name}.ts could not be loaded: ${text}`);
        results[name] = emptyResult(name, `could not load docs/examples/${name}.ts: ${text}`);
        continue;
      }
      const result = await runExample(name, main as () => Generator<never, unknown, unknown>, {
        clock: "virtual",
      });
      result.wall = 0; // machine-dependent; the page shows loop time only
      if (needsNode(readFileSync(file, "utf8"))) result.nodeOnly = true;
      results[name] = result;
    }
    return results;
  },
};
