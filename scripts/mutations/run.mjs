#!/usr/bin/env node
// `pnpm test:mutations`: plants each deliberate bug of mutations.mjs in turn (in place), runs the
// test suites of the packages it concerns, and requires them to fail; prints the score.
//
// Usage: node scripts/mutations/run.mjs [--list] [--check] [--no-baseline] [id-or-prefix ...]
//   --list         print every mutation and exit
//   --check        only check that every chosen mutation's target text is found once; run nothing
//   --no-baseline  skip the unmutated run of each package's tests
//   id-or-prefix   run only the mutations whose id equals or starts with one of these
// Env: MUTATION_TIMEOUT_MS (default 180000) per mutation; a run that hangs counts as caught.
//
// Safety: the original text is saved to .backup.json before a file is changed and written back in
// a `finally`, on SIGINT/SIGTERM, and at the start of the next run if a crash left a backup.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mutations } from "./mutations.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const backupFile = join(here, ".backup.json");
const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a script run by hand, not a turbo task.
const timeoutMs = Number(process.env.MUTATION_TIMEOUT_MS ?? 180_000);

function restore() {
  if (!existsSync(backupFile)) return false;
  const { file, text } = JSON.parse(readFileSync(backupFile, "utf8"));
  writeFileSync(join(root, file), text);
  rmSync(backupFile);
  return file;
}

let child = null;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (child !== null) killGroup(child);
    const file = restore();
    if (file) console.error(`\nrestored ${file}`);
    process.exit(130);
  });
}
process.on("exit", () => restore());

function killGroup(proc) {
  try {
    process.kill(-proc.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** Runs one package's tests; resolves to "pass", "fail" or "timeout". */
function runTests(pkg) {
  return new Promise((resolve) => {
    const out = [];
    child = spawn(process.execPath, [vitest, "run", "--bail=1", "--reporter=dot"], {
      cwd: join(root, "packages", pkg),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", CI: "1" },
    });
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => out.push(d));
    const timer = setTimeout(() => {
      killGroup(child);
      resolve({ status: "timeout", output: Buffer.concat(out).toString() });
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      child = null;
      resolve({ status: code === 0 ? "pass" : "fail", output: Buffer.concat(out).toString() });
    });
  });
}

/** What vitest prints when a mutated file cannot be parsed (esbuild could not transform it). */
const BROKEN_SOURCE = /Transform failed with \d+ error/;

function firstFailure(output) {
  const m = output.match(/FAIL\s+(.+)/);
  return m ? m[1].trim().slice(0, 110) : "";
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--list")) {
    for (const m of mutations) console.log(`${m.id.padEnd(42)} ${m.bug}`);
    return 0;
  }
  const left = restore();
  if (left) console.error(`a previous run was interrupted: restored ${left} from its backup`);

  const filters = args.filter((a) => !a.startsWith("--"));
  const chosen = mutations.filter(
    (m) => filters.length === 0 || filters.some((f) => m.id === f || m.id.startsWith(f)),
  );
  if (chosen.length === 0) {
    console.error(`no mutation matches ${filters.join(" ")}; see --list`);
    return 2;
  }

  // Every target must be found exactly once, or the mutation cannot be trusted.
  const missing = [];
  const ready = [];
  for (const m of chosen) {
    const path = join(root, m.file);
    const text = existsSync(path) ? readFileSync(path, "utf8") : null;
    const count = text === null ? 0 : text.split(m.find).length - 1;
    if (count === 1) ready.push(m);
    else
      missing.push({
        m,
        why: text === null ? "file not found" : `target text found ${count} times`,
      });
  }
  for (const { m, why } of missing) {
    console.error(
      `\n!!! MUTATION NOT APPLIED: ${m.id} (${m.file}: ${why}).\n!!! Re-target it in scripts/mutations/mutations.mjs; the text it looks for:\n${m.find
        .split("\n")
        .map((l) => `!!!   ${l}`)
        .join("\n")}`,
    );
  }

  if (args.includes("--check")) {
    console.log(`${ready.length}/${chosen.length} mutations found their target text`);
    return missing.length === 0 ? 0 : 1;
  }

  if (!args.includes("--no-baseline")) {
    const pkgs = [...new Set(ready.flatMap((m) => m.packages))];
    for (const pkg of pkgs) {
      const r = await runTests(pkg);
      if (r.status !== "pass") {
        console.error(
          `baseline: the ${pkg} tests do not pass unmutated; fix them first.\n${r.output}`,
        );
        return 2;
      }
    }
    console.log(`baseline: ${pkgs.join(", ")} pass unmutated`);
  }

  const results = [];
  const t0 = Date.now();
  for (const m of ready) {
    const path = join(root, m.file);
    const original = readFileSync(path, "utf8");
    writeFileSync(backupFile, JSON.stringify({ file: m.file, text: original }));
    let outcome = { status: "pass", output: "", pkg: "" };
    try {
      writeFileSync(path, original.replace(m.find, m.replace));
      for (const pkg of m.packages) {
        const r = await runTests(pkg);
        outcome = { ...r, pkg };
        if (r.status !== "pass") break;
      }
    } finally {
      writeFileSync(path, original);
      rmSync(backupFile, { force: true });
    }
    // A planted bug that does not even compile fails every test for the wrong reason.
    const invalid = outcome.status === "fail" && BROKEN_SOURCE.test(outcome.output);
    const caught = outcome.status !== "pass" && !invalid;
    const how = outcome.status === "timeout" ? "hung (timeout)" : firstFailure(outcome.output);
    results.push({ m, caught, invalid });
    console.log(
      invalid
        ? `INVALID  ${m.id.padEnd(42)} the mutated source does not compile: fix its replace text`
        : `${caught ? "caught  " : "SURVIVED"} ${m.id.padEnd(42)} ${caught ? `${outcome.pkg}: ${how}` : m.bug}`,
    );
  }

  const caught = results.filter((r) => r.caught).length;
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  console.log(
    `\nmutation score: ${caught}/${results.length} caught (${secs} s)${missing.length ? `; ${missing.length} NOT APPLIED (target text not found): ${missing.map((x) => x.m.id).join(", ")}` : ""}`,
  );
  for (const r of results) {
    if (r.invalid) console.log(`invalid: ${r.m.id}: the mutated source does not compile`);
    else if (!r.caught) console.log(`survived: ${r.m.id}: ${r.m.bug}`);
  }
  return caught === results.length && missing.length === 0 ? 0 : 1;
}

process.exitCode = await main();
