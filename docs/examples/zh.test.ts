// The Chinese pages show docs/examples/zh/<name>.ts in place of docs/examples/<name>.ts: the same
// program with its comments in Chinese (docs/examples/zh/node/x.ts for node/x.ts, and so on). This
// keeps each twin the same program (identical code once comments are set aside), runs it to the
// same output, and keeps its comments Chinese and short enough for the code box.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type Coroutine, run } from "corio";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";

const examplesDir = dirname(fileURLToPath(import.meta.url));
const zhDir = join(examplesDir, "zh");
/** Twins under docs/examples/zh/, as paths relative to it (node/x.ts for a Node example). */
function twinsIn(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? twinsIn(join(dir, e.name), `${prefix}${e.name}/`)
      : /\.(ts|mjs)$/.test(e.name)
        ? [`${prefix}${e.name}`]
        : [],
  );
}
const twins = twinsIn(zhDir);

/** The program with every comment left out, printed the same way whatever its layout. */
function code(source: string): string {
  const file = ts.createSourceFile("x.ts", source, ts.ScriptTarget.Latest, false);
  return ts.createPrinter({ removeComments: true }).printFile(file);
}

/** Literal kinds whose text may hold `//` or `/*` without being a comment (a URL, say). */
const literalKinds = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
]);

/** The source with every string, template and regex literal blanked out (line breaks kept). */
function withoutLiterals(source: string): string {
  const file = ts.createSourceFile("x.ts", source, ts.ScriptTarget.Latest, true);
  const spans: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (literalKinds.has(node.kind)) spans.push([node.getStart(file), node.getEnd()]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  let text = source;
  for (const [start, end] of spans) {
    const blank = text.slice(start, end).replace(/[^\n]/g, " ");
    text = text.slice(0, start) + blank + text.slice(end);
  }
  return text;
}

/** The comments of a file, one entry per line of comment text. */
function comments(source: string): string[] {
  const out: string[] = [];
  for (const m of withoutLiterals(source).matchAll(/\/\/(.*)$|\/\*\*?([\s\S]*?)\*\//gm)) {
    const text = m[1] ?? m[2] ?? "";
    for (const line of text.split("\n")) {
      const clean = line.replace(/^\s*\*?\s*/, "").trim();
      if (clean !== "") out.push(clean);
    }
  }
  return out;
}

/** Columns a line takes in a monospace code box: CJK characters are two wide. */
const columns = (line: string) =>
  [...line].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);

/**
 * The clock a twin in a folder runs on, as its folder's own test runs it: real sockets, children
 * and threads need the real one. Folders not listed (developing/: failures and hangs, run as whole
 * programs by developing.test.ts) are checked above for the same code, not run here; neither is
 * a file without an exported main (a program that runs itself when imported).
 */
const folderClocks: Record<string, "real" | "virtual"> = {
  beyond: "virtual",
  network: "real",
  node: "real",
  threads: "real",
};

async function output(file: string, clock: "real" | "virtual" = "virtual"): Promise<string[]> {
  const mod = (await import(/* @vite-ignore */ file)) as { main: () => Coroutine<unknown> };
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  });
  try {
    await run(mod.main, { clock });
  } finally {
    spy.mockRestore();
  }
  return lines;
}

/** Markdown files under a folder, as paths. */
function pagesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? pagesIn(join(dir, e.name))
      : e.name.endsWith(".md")
        ? [join(dir, e.name)]
        : [],
  );
}

/** Example files a page shows: `<<< @/examples/x.ts` includes and `<ExampleRun name="x" />`. */
function shownOn(page: string): string[] {
  const text = readFileSync(page, "utf8");
  const included = [...text.matchAll(/^<<<\s*@\/examples\/([^\s{#]+)/gm)].map((m) => m[1]!);
  const run = [...text.matchAll(/<ExampleRun\s+name="([^"]+)"/g)].map((m) => `${m[1]}.ts`);
  return [...included, ...run];
}

describe("Chinese twins of the examples", () => {
  it("exist for the examples with comments", () => {
    expect(twins.length).toBeGreaterThan(10);
  });

  it("exist for every example with comments that a Chinese page shows", () => {
    const missing = pagesIn(join(examplesDir, "..", "zh")).flatMap((page) =>
      shownOn(page)
        .filter((file) => !file.startsWith("zh/") && existsSync(join(examplesDir, file)))
        .filter((file) => comments(readFileSync(join(examplesDir, file), "utf8")).length > 0)
        .filter((file) => !twins.includes(file))
        .map((file) => `${relative(join(examplesDir, ".."), page)}: ${file}`),
    );
    expect(missing).toEqual([]);
  });

  for (const file of twins) {
    const zh = readFileSync(join(zhDir, file), "utf8");
    const enPath = join(examplesDir, file);

    it(`zh/${file} is ${file} with its comments in Chinese`, () => {
      expect(existsSync(enPath), `${file} exists`).toBe(true);
      expect(code(zh)).toBe(code(readFileSync(enPath, "utf8")));
      const english = comments(zh).filter(
        (c) => !/[\u4e00-\u9fff]/.test(c) && !/^#(end)?region\b/.test(c),
      );
      expect(english).toEqual([]);
    });

    it(`zh/${file} keeps every comment line within 76 columns (the code box)`, () => {
      const long = zh
        .split("\n")
        .filter((line) => /\/\/|\/\*|^\s*\*/.test(line) && /[\u4e00-\u9fff]/.test(line))
        .filter((line) => columns(line) > 76);
      expect(long).toEqual([]);
    });

    // Each twin runs next to its original (a twin in a folder on that folder's clock), so that
    // files it refers to by a relative path (./primes.mjs) are there in zh/ too.
    const folder = file.includes("/") ? file.slice(0, file.indexOf("/")) : undefined;
    const clock = folder === undefined ? "virtual" : folderClocks[folder];
    const runnable =
      !file.endsWith(".test.ts") && (folder === undefined || /^export function\* main\(/m.test(zh));
    if (runnable && clock !== undefined) {
      it(`zh/${file} prints what ${file} prints`, async () => {
        expect(await output(join(zhDir, file), clock)).toEqual(await output(enPath, clock));
      }, 30_000);
    }
  }
});
