// Size budgets: bundles each public package's ESM entry (dist/index.js) with esbuild, minified,
// with only other corio packages left external, gzips it with node:zlib, prints a table, writes
// it to scripts/packaging/sizes.md and checks the budgets in size-budgets.json.
//
// Usage: node scripts/packaging/size.mjs [--no-write]   (pnpm size)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { publicPackages, root } from "./lib.mjs";

// esbuild comes with tsup, installed at the root.
const requireFromTsup = createRequire(createRequire(join(root, "package.json")).resolve("tsup"));
const esbuild = requireFromTsup("esbuild");

const budgetsFile = join(root, "scripts/packaging/size-budgets.json");
const sizesFile = join(root, "scripts/packaging/sizes.md");

/** Measures one package: { name, raw, min, gzip } in bytes. */
export async function measure({ name, dir }) {
  const entry = join(dir, "dist/index.js");
  if (!existsSync(entry)) throw new Error(`${name}: no dist/index.js, build first (pnpm build)`);
  const bundle = (minify) =>
    esbuild.build({
      entryPoints: [entry],
      bundle: true,
      minify,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      write: false,
      logLevel: "silent",
      // What the package itself ships is measured; other corio packages count in their own rows,
      // and @corio/queue-redis's Redis client (ioredis) and Node's built-ins are not counted.
      external: ["@corio/*", "corio", "ioredis", "node:*"],
    });
  // "bundled" is the same bundle unminified: dist/index.js alone can be a few re-export lines
  // with the code in shared chunks, which made a minified size look larger than the raw one.
  const [result, plain] = await Promise.all([bundle(true), bundle(false)]);
  const code = result.outputFiles[0].contents;
  return {
    name,
    raw: plain.outputFiles[0].contents.length,
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(2)} kB`;

export function table(rows, budgets) {
  const lines = [
    "| package | bundled | minified | min+gzip | budget (min+gzip) |",
    "|---|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const budget = budgets[r.name];
    const flag = budget !== undefined && r.gzip > budget ? " **over**" : "";
    lines.push(
      `| \`${r.name}\` | ${kb(r.raw)} | ${kb(r.min)} | ${kb(r.gzip)} | ${budget === undefined ? "none" : kb(budget)}${flag} |`,
    );
  }
  return lines.join("\n");
}

/** Measures every public package; returns { rows, failures } (over budget or without budget). */
export async function checkSizes({ write = true } = {}) {
  const budgets = JSON.parse(readFileSync(budgetsFile, "utf8"));
  const rows = [];
  for (const p of publicPackages()) rows.push(await measure(p));
  const failures = [];
  for (const r of rows) {
    const budget = budgets[r.name];
    if (budget === undefined) failures.push(`${r.name} has no budget in size-budgets.json`);
    else if (r.gzip > budget) {
      failures.push(`${r.name} is ${r.gzip} B min+gzip, over its budget of ${budget} B`);
    }
  }
  const md = `# Package sizes

Each package's ESM entry (\`dist/index.js\` and the chunks it imports) bundled with esbuild, other
corio packages left external, so each row counts only that package's own code: "bundled" as is,
then minified, then minified and gzipped with \`node:zlib\` (level 9). Budgets live in \`scripts/packaging/size-budgets.json\` and are checked by
\`pnpm test:packaging\` and \`pnpm size\`; \`pnpm size\` also regenerates this file.

${table(rows, budgets)}

\`@corio/queue-redis\` counts its own code only: its Redis client, ioredis (its one runtime
dependency), and Node's built-ins are left out. It is a Node package and not part of \`corio\`.

An app that imports everything from \`corio\` pays roughly the sum of the rows, less whatever its
bundler tree-shakes away (every package is \`sideEffects: false\`). \`corio\` itself only
re-exports: minifying renames each import and exports it again under its real name, which is why
its minified row is a little larger than its bundled one.
`;
  if (write) writeFileSync(sizesFile, md);
  return { rows, failures, budgets };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, failures, budgets } = await checkSizes({
    write: !process.argv.includes("--no-write"),
  });
  console.log(table(rows, budgets));
  if (failures.length > 0) {
    for (const f of failures) console.error(`size: ${f}`);
    process.exit(1);
  }
}
