#!/usr/bin/env node
// `pnpm new <name>`: scaffolds packages/<name> in the shape of every other corio primitive and
// wires it into the `corio` meta package.
//
// What it writes: package.json (ESM + CJS + types exports map), tsup/tsconfig/vitest configs (the
// tsup config is one line: the build lives in tsup.shared.ts),
// src/index.ts with one documented example export, a first test on the testkit, a README and a
// changeset. What it edits: packages/corio/package.json (one dependency),
// packages/corio/src/index.ts (one appended export line) and, when present,
// scripts/packaging/size-budgets.json (a 2 kB min+gzip budget to start from). The docs site builds its API sidebar
// from packages/*/package.json, so nothing else needs an edit.
//
// Usage: node scripts/new-package.mjs <name> [--description "..."] [--root <repo>] [--no-install]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const RESERVED = new Set(["corio", "node_modules", "interfaces", "internal", "testkit", "docs"]);

/** Exits with a readable message; no stack trace, it is the user's input that is wrong. */
function fail(message) {
  console.error(`pnpm new: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { name: undefined, description: undefined, root: undefined, install: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--description" || arg === "--root") {
      const value = argv[++i];
      if (value === undefined) fail(`${arg} needs a value`);
      options[arg.slice(2)] = value;
    } else if (arg === "--no-install") options.install = false;
    else if (arg === "--help" || arg === "-h") {
      console.log(
        'usage: pnpm new <name> [--description "one sentence"] [--no-install]\n\n' +
          "Scaffolds packages/<name> as @corio/<name>, depending on @corio/interfaces only,\n" +
          "and re-exports it from the corio package.",
      );
      process.exit(0);
    } else if (arg.startsWith("-")) fail(`unknown option ${arg} (try --help)`);
    else if (options.name === undefined) options.name = arg;
    else fail(`expected one package name, got "${options.name}" and "${arg}"`);
  }
  return options;
}

/** Checks the name and explains what is expected when it is wrong. */
export function validateName(name, root) {
  if (name === undefined || name === "") {
    return "missing package name: pnpm new <name>, e.g. pnpm new sync";
  }
  if (name.startsWith("@")) {
    return `give the bare name, not the scope: "${name.replace(/^@[^/]*\//, "")}" becomes @corio/${name.replace(/^@[^/]*\//, "")}`;
  }
  if (name !== name.toLowerCase()) {
    return `package name "${name}" must be lowercase (npm rejects capitals): try "${name.toLowerCase()}"`;
  }
  if (!/^[a-z0-9-]+$/.test(name)) {
    return `package name "${name}" may only contain a-z, 0-9 and "-"`;
  }
  if (!/^[a-z]/.test(name) || name.endsWith("-") || name.includes("--")) {
    return `package name "${name}" must start with a letter, and not end with "-" or contain "--"`;
  }
  if (name.length > 40) return `package name "${name}" is longer than 40 characters`;
  if (RESERVED.has(name)) return `package name "${name}" is reserved`;
  if (existsSync(join(root, "packages", name))) {
    return `packages/${name} already exists: pick another name or extend that package`;
  }
  return null;
}

const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

function files(name, description) {
  const fn = `${camel(name)}Example`;
  const pkg = {
    name: `@corio/${name}`,
    version: "0.0.0",
    description,
    license: "MIT",
    type: "module",
    sideEffects: false,
    engines: { node: ">=20" },
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/index.d.ts",
    exports: {
      ".": {
        import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
        require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
      },
      "./package.json": "./package.json",
    },
    files: ["dist", "README.md"],
    scripts: {
      build: "tsup",
      test: "vitest run",
      typecheck: "tsc --noEmit",
      lint: "biome check .",
    },
    dependencies: { "@corio/interfaces": "workspace:^" },
    devDependencies: {
      "@corio/loop": "workspace:^",
      "@corio/task": "workspace:^",
      "@corio/testkit": "workspace:^",
    },
    keywords: ["asyncio", "coroutine", "generator", "event-loop", "corio"],
  };
  return {
    "package.json": `${JSON.stringify(pkg, null, 2)}\n`,
    "tsup.config.ts": `import { corioTsup } from "../../tsup.shared.ts";

export default corioTsup();
`,
    "tsconfig.json": `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "types": ["node"] },
  "include": ["src", "test"]
}
`,
    "vitest.config.ts": `export { default } from "../../vitest.shared.ts";\n`,
    [`src/${name}.ts`]: `import { type Coroutine, getRunningLoop } from "@corio/interfaces";

/**
 * Waits one loop iteration, then returns \`value\`: a placeholder showing the shape of a waiting
 * operation. Replace it with your primitive.
 *
 * @asyncio none: \`pnpm new\` wrote this example.
 * @throws {@link RuntimeError} (when awaited) if no loop is running.
 * @example
 * const v = yield* ${fn}("hi"); // "hi", one iteration later
 */
export function* ${fn}<T>(value: T): Coroutine<T> {
  const loop = getRunningLoop();
  // A labelled future shows up in task listings as what the task waits on.
  const fut = loop.createFuture<T>("${fn}()");
  loop.callSoon(() => fut.setResult(value));
  return yield* fut;
}
`,
    "src/index.ts": `export { ${fn} } from "./${name}.js";\n`,
    [`test/${name}.test.ts`]: `import { createTask, sleep } from "@corio/task";
import { expectOrder, runTraced } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { ${fn} } from "../src/index.js";

describe("${fn}", () => {
  it("returns its value one loop iteration later", async () => {
    const { result, trace } = await runTraced(function* (t) {
      const other = createTask(
        (function* () {
          t.log("other task ran");
          yield* sleep(0);
        })(),
      );
      t.log("waiting");
      const value = yield* ${fn}("hi");
      t.log(\`got \${value}\`);
      yield* other;
      return value;
    });
    expect(result).toBe("hi");
    expectOrder(trace, ["waiting", "other task ran", "got hi"]);
  });
});
`,
    "README.md": `# @corio/${name}

${description}

\`\`\`sh
npm install @corio/${name}
\`\`\`

It depends only on [\`@corio/interfaces\`](../interfaces), so it works with any corio event loop.
The \`corio\` package re-exports it.

## Example

\`\`\`ts
import { run } from "corio";
import { ${fn} } from "@corio/${name}";

await run(function* () {
  console.log(yield* ${fn}("hi"));
});
\`\`\`

## Differences from asyncio

None yet.
`,
  };
}

function wireCorio(root, name) {
  const fn = `${camel(name)}Example`;
  const pkgFile = join(root, "packages/corio/package.json");
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8"));
  pkg.dependencies ??= {};
  pkg.dependencies[`@corio/${name}`] ??= "workspace:^";
  writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);

  const indexFile = join(root, "packages/corio/src/index.ts");
  const index = readFileSync(indexFile, "utf8");
  if (!index.includes(`from "@corio/${name}"`)) {
    const sep = index.endsWith("\n") ? "" : "\n";
    writeFileSync(indexFile, `${index}${sep}export { ${fn} } from "@corio/${name}";\n`);
  }
}

function writeChangeset(root, name, description) {
  const dir = join(root, ".changeset");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-initial.md`);
  writeFileSync(
    file,
    `---\n"@corio/${name}": minor\n"corio": minor\n---\n\nNew package @corio/${name}: ${description.replace(/\.$/, "")}; \`corio\` re-exports it.\n`,
  );
  return file;
}

/** Gives the new package a starting size budget, so `pnpm test:packaging` measures it. */
function addSizeBudget(root, name) {
  const file = join(root, "scripts/packaging/size-budgets.json");
  if (!existsSync(file)) return false;
  const budgets = JSON.parse(readFileSync(file, "utf8"));
  budgets[`@corio/${name}`] ??= 2048;
  const sorted = Object.fromEntries(Object.entries(budgets).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  return true;
}

export function scaffold(root, name, description) {
  const error = validateName(name, root);
  if (error !== null) throw new Error(error);
  if (!existsSync(join(root, "packages/corio/package.json"))) {
    throw new Error(`${root} does not look like the corio repository (no packages/corio)`);
  }
  const dir = join(root, "packages", name);
  const written = [];
  for (const [path, text] of Object.entries(files(name, description))) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    written.push(file);
  }
  wireCorio(root, name);
  written.push(writeChangeset(root, name, description));
  addSizeBudget(root, name);
  return written;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const options = parseArgs(process.argv.slice(2));
  const root = resolve(options.root ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
  const error = validateName(options.name, root);
  if (error !== null) fail(error);
  const name = options.name;
  const description =
    options.description ?? `A corio primitive: ${name}, for generator coroutines.`;
  let written;
  try {
    written = scaffold(root, name, description);
  } catch (e) {
    fail(e.message);
  }
  for (const file of written) console.log(`  created ${relative(root, file)}`);
  console.log(
    "  updated packages/corio/package.json, packages/corio/src/index.ts, scripts/packaging/size-budgets.json (2 kB to start)",
  );
  if (options.install) {
    // Links the new package into the workspace and records it in pnpm-lock.yaml.
    const r = spawnSync("pnpm", ["install", "--offline"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) console.warn("pnpm install --offline failed: run `pnpm install` yourself");
  }
  console.log(`
Next:
  cd packages/${name} && npx vitest run      # the first test passes
  edit src/${name}.ts, then export from src/index.ts and packages/corio/src/index.ts
  read docs/contributing.md for the contract suites and changesets`);
}
