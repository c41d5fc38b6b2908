// `pnpm test:packaging`: every check that the packages we publish work once published.
//   1. build the public packages (turbo; cached when nothing changed)   --no-build skips it
//   2. pack each with `pnpm pack`
//   3. publint and arethetypeswrong on every tarball; no underscore member in published types
//   4. install @corio/queue, @corio/sync and corio, each alone, into an empty project with npm
//      from the tarballs only, and run a smoke script as ESM and as CJS
//   5. size budgets (min+gzip), table printed (`pnpm size` writes it to scripts/packaging/sizes.md)
//   6. changesets: `changeset status` against the base, and the status/version flow in a copy
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simulate, status } from "./changesets.mjs";
import { installAndSmoke, SMOKE_TARGETS } from "./install-smoke.mjs";
import { packAll, publicPackages, root, sh, since } from "./lib.mjs";
import { lintTarballs, reportLint } from "./lint.mjs";
import { checkPublicTypes } from "./public-types.mjs";
import { checkSizes, table } from "./size.mjs";

const argv = process.argv.slice(2);
const started = performance.now();
const failures = [];

async function step(title, fn) {
  const t0 = performance.now();
  console.log(`\n▶ ${title}`);
  try {
    const ok = await fn();
    if (ok === false) failures.push(title);
    console.log(`  ${ok === false ? "failed" : "done"} in ${since(t0)}`);
  } catch (e) {
    failures.push(title);
    console.log(`  FAILED in ${since(t0)}: ${e instanceof Error ? e.message : e}`);
  }
}

const work = mkdtempSync(join(tmpdir(), "corio-packaging-"));
try {
  if (!argv.includes("--no-build")) {
    await step("build the public packages", () => {
      const filters = publicPackages().flatMap((p) => ["--filter", p.name]);
      sh("pnpm", ["exec", "turbo", "run", "build", "--output-logs=errors-only", ...filters], {
        cwd: root,
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      });
    });
  }

  let tarballs = new Map();
  await step("pack every public package with pnpm pack", () => {
    tarballs = packAll(join(work, "tarballs"));
    for (const [name, file] of tarballs) {
      const deps =
        JSON.parse(
          readFileSync(
            join(root, "packages", name.replace(/^@corio\//, ""), "package.json"),
            "utf8",
          ),
        ).dependencies ?? {};
      console.log(
        `  ${name.padEnd(20)} ${file.split("/").at(-1)} (deps: ${Object.keys(deps).join(", ") || "none"})`,
      );
    }
  });

  await step("published types show only public API (no underscore members)", () => {
    const offenders = checkPublicTypes();
    for (const line of offenders) console.log(`  ${line}`);
    return offenders.length === 0;
  });

  await step("publint and arethetypeswrong on every tarball", async () =>
    reportLint(await lintTarballs(tarballs)),
  );

  const manifests = new Map(publicPackages().map((p) => [p.name, p.pkg]));
  for (const target of SMOKE_TARGETS) {
    await step(`npm install ${target} alone from the tarballs; smoke as ESM and CJS`, () => {
      const r = installAndSmoke(
        target,
        tarballs,
        manifests,
        join(work, `smoke-${target.replace(/[@/]/g, "_")}`),
      );
      console.log(`  node_modules: ${r.installed.join(", ")} (exactly what ${target} declares)`);
      console.log(`  ${r.esm}, ${r.cjs}`);
    });
  }

  await step("size budgets (minified + gzipped entry)", async () => {
    // Printed only: `pnpm size` rewrites sizes.md, so a test run never dirties the tree.
    const { rows, failures: over, budgets } = await checkSizes({ write: false });
    console.log(table(rows, budgets).replace(/^/gm, "  "));
    for (const f of over) console.log(`  ${f}`);
    return over.length === 0;
  });

  await step("changesets: status against the base branch", () => status(root, argv) === 0);
  await step("changesets: status and version flow in a throwaway copy", () => {
    for (const c of simulate()) console.log(`  ok   ${c}`);
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(
  `\ntest:packaging ${failures.length === 0 ? "passed" : `FAILED (${failures.join("; ")})`} in ${since(started)}`,
);
process.exit(failures.length === 0 ? 0 : 1);
