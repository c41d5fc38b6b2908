// Shared helpers for the packaging checks: where the repo is, which packages are public, packing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Every package under packages/ that is published (not private), sorted by name. */
export function publicPackages() {
  const out = [];
  for (const dir of readdirSync(join(root, "packages"))) {
    const file = join(root, "packages", dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8"));
    if (pkg.private) continue;
    out.push({ name: pkg.name, dir: join(root, "packages", dir), pkg });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Runs a command, throwing with its output when it fails. */
export function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...options });
  if (r.error) throw r.error;
  if (r.status !== 0 && !options.allowFailure) {
    throw new Error(
      `${cmd} ${args.join(" ")} exited with ${r.status}\n${r.stdout ?? ""}${r.stderr ?? ""}`,
    );
  }
  return r;
}

/** The tarball name npm and pnpm give a package: @corio/queue@1.2.3 → corio-queue-1.2.3.tgz. */
export function tarballName(pkg) {
  return `${pkg.name.replace(/^@/, "").replace("/", "-")}-${pkg.version}.tgz`;
}

/**
 * Packs every public package with `pnpm pack` (which turns `workspace:^` into real version
 * ranges) into `dest`; returns a map from package name to tarball path.
 */
export function packAll(dest) {
  mkdirSync(dest, { recursive: true });
  const tarballs = new Map();
  for (const { name, dir, pkg } of publicPackages()) {
    if (!existsSync(join(dir, "dist"))) {
      throw new Error(`${name} has no dist/: build first (pnpm build)`);
    }
    sh("pnpm", ["pack", "--pack-destination", dest], { cwd: dir });
    const file = join(dest, tarballName(pkg));
    if (!existsSync(file)) throw new Error(`pnpm pack did not write ${file}`);
    tarballs.set(name, file);
  }
  return tarballs;
}

/** Milliseconds since `start`, for the timing lines. */
export const since = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;
