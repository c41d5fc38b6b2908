// Changesets checks.
//
//   node scripts/packaging/changesets.mjs status [--since <ref>]
//     CI check: fails when a package changed since the base without a changeset. The base is, in
//     order: --since, $CHANGESET_BASE, origin/$GITHUB_BASE_REF (pull requests on GitHub),
//     origin/main; on a clone without a remote, the last release commit (the last one that
//     changed a packages/*/CHANGELOG.md), or before any release the repository's first commit, so
//     every package changed since must be covered by a changeset. Only outside a git repository,
//     or in one without commits, does it skip, printing why.
//
//   node scripts/packaging/changesets.mjs simulate
//     Proves the flow in a throwaway copy: a change without a changeset fails `changeset status`,
//     adding one passes, and `changeset version` bumps the version and writes the changelog.
//     Never runs `changeset version` in the real repository.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { publicPackages, root, sh } from "./lib.mjs";

const changesetBin = createRequire(join(root, "package.json")).resolve("@changesets/cli/bin.js");

function git(args, cwd) {
  return sh("git", args, { cwd, allowFailure: true });
}

/** Picks the ref to compare against, or returns { skip: reason }. */
export function resolveBase(cwd, argv = [], env = process.env) {
  const i = argv.indexOf("--since");
  if (i !== -1 && argv[i + 1]) return { ref: argv[i + 1], why: "--since" };
  if (env.CHANGESET_BASE) return { ref: env.CHANGESET_BASE, why: "$CHANGESET_BASE" };
  if (git(["rev-parse", "--is-inside-work-tree"], cwd).status !== 0) {
    return { skip: "not a git repository, so there is no base to compare against" };
  }
  if (git(["rev-parse", "--verify", "-q", "HEAD"], cwd).status !== 0) {
    return { skip: "the repository has no commits yet" };
  }
  const candidates = [];
  if (env.GITHUB_BASE_REF) candidates.push(`origin/${env.GITHUB_BASE_REF}`);
  candidates.push("origin/main");
  for (const ref of candidates) {
    if (git(["rev-parse", "--verify", "-q", ref], cwd).status === 0) return { ref, why: ref };
  }
  // No remote: compare against the last release (the last commit `changeset version` wrote
  // changelogs in), or, before the first release, against the first commit.
  const release = git(["log", "-1", "--format=%H", "--", "packages/*/CHANGELOG.md"], cwd);
  const last = release.stdout.trim();
  if (last)
    return { ref: last, why: `no origin/main: the last release commit ${last.slice(0, 7)}` };
  const roots = git(["rev-list", "--max-parents=0", "HEAD"], cwd).stdout.trim().split("\n");
  const first = roots.at(-1);
  return {
    ref: first,
    why: `no origin/main and no release yet: the first commit ${first.slice(0, 7)}`,
  };
}

/** Runs `changeset status --since=<base>`; returns its exit status (0 when skipped). */
export function status(cwd, argv = [], env = process.env) {
  const base = resolveBase(cwd, argv, env);
  if (base.skip) {
    console.log(`changeset status: skipped, ${base.skip}`);
    return 0;
  }
  console.log(`changeset status --since=${base.ref} (base: ${base.why})`);
  const r = sh(process.execPath, [changesetBin, "status", `--since=${base.ref}`], {
    cwd,
    env,
    allowFailure: true,
  });
  const out = `${r.stdout}${r.stderr}`
    .split("\n")
    .filter((l) => !l.startsWith("npm warn"))
    .join("\n")
    .trim();
  if (out) console.log(out);
  return r.status ?? 1;
}

/** The throwaway-copy check; returns a list of what it verified. Throws on any surprise. */
export function simulate() {
  const tmp = mkdtempSync(join(tmpdir(), "corio-changesets-"));
  const quiet = { ...process.env, CHANGESET_BASE: "" };
  try {
    for (const f of ["package.json", "pnpm-workspace.yaml", ".changeset/config.json"]) {
      cpSync(join(root, f), join(tmp, f));
    }
    for (const { dir, pkg } of publicPackages()) {
      const rel = dir.slice(root.length + 1);
      mkdirSync(join(tmp, rel, "src"), { recursive: true });
      writeFileSync(join(tmp, rel, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
      writeFileSync(join(tmp, rel, "src/index.ts"), "export {};\n");
    }
    // The changelog generator is resolved from the copy; lend it the real install.
    symlinkSync(join(root, "node_modules"), join(tmp, "node_modules"), "dir");
    writeFileSync(join(tmp, ".gitignore"), "node_modules\n");
    const g = (...args) =>
      sh("git", ["-c", "user.name=ci", "-c", "user.email=ci@example.com", ...args], { cwd: tmp });
    g("init", "-q", "-b", "main");
    g("add", "-A");
    g("commit", "-q", "-m", "base");
    const base = g("rev-parse", "HEAD").stdout.trim();
    const checks = [];
    const run = (...args) =>
      sh(process.execPath, [changesetBin, ...args], { cwd: tmp, env: quiet, allowFailure: true });

    const untouched = run("status", `--since=${base}`);
    if (untouched.status !== 0)
      throw new Error(`changeset status failed with no change:\n${untouched.stderr}`);
    checks.push("`changeset status` passes when no package changed");

    writeFileSync(join(tmp, "packages/sync/src/index.ts"), "export const changed = 1;\n");
    g("commit", "-q", "-am", "change sync without a changeset");
    const failing = run("status", `--since=${base}`);
    if (failing.status === 0) throw new Error("changeset status passed a change without changeset");
    if (!`${failing.stdout}${failing.stderr}`.includes("no changesets were found")) {
      throw new Error(`changeset status failed for another reason:\n${failing.stderr}`);
    }
    checks.push("a change to @corio/sync without a changeset fails `changeset status`");

    writeFileSync(
      join(tmp, ".changeset/sync-change.md"),
      '---\n"@corio/sync": minor\n---\n\nLock gains a faster path.\n',
    );
    g("add", "-A");
    g("commit", "-q", "-m", "add changeset");
    const passing = run("status", `--since=${base}`);
    if (passing.status !== 0) {
      throw new Error(
        `changeset status failed with a changeset:\n${passing.stdout}${passing.stderr}`,
      );
    }
    checks.push("adding .changeset/*.md for it makes `changeset status` pass");

    const version = run("version");
    if (version.status !== 0) throw new Error(`changeset version failed:\n${version.stderr}`);
    const pkg = JSON.parse(readFileSync(join(tmp, "packages/sync/package.json"), "utf8"));
    const log = readFileSync(join(tmp, "packages/sync/CHANGELOG.md"), "utf8");
    if (pkg.version !== "0.1.0") throw new Error(`@corio/sync became ${pkg.version}, not 0.1.0`);
    if (!log.includes("Lock gains a faster path.")) throw new Error(`changelog:\n${log}`);
    checks.push(
      "`changeset version` bumps @corio/sync 0.0.0 → 0.1.0 and writes its CHANGELOG.md entry",
    );
    return checks;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "status") process.exit(status(root, rest));
  else if (command === "simulate") {
    for (const c of simulate()) console.log(`  ok   ${c}`);
  } else {
    console.error("usage: changesets.mjs status [--since <ref>] | simulate");
    process.exit(2);
  }
}
