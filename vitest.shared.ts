// Shared vitest settings: tests import workspace packages from their sources, so `pnpm test`
// needs no build and a stack trace points at the TypeScript that failed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = dirname(fileURLToPath(import.meta.url));
const alias: { find: string | RegExp; replacement: string }[] = [];
for (const dir of readdirSync(join(root, "packages"))) {
  const pkgFile = join(root, "packages", dir, "package.json");
  if (!existsSync(pkgFile)) continue;
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8")) as {
    name: string;
    exports?: Record<string, unknown>;
  };
  for (const sub of Object.keys(pkg.exports ?? {})) {
    if (sub === "./package.json") continue;
    const name = sub === "." ? pkg.name : `${pkg.name}/${sub.slice(2)}`;
    const file = sub === "." ? "index.ts" : `${sub.slice(2)}.ts`;
    alias.push({
      find: new RegExp(`^${name.replace(/[/@.]/g, "\\$&")}$`),
      replacement: resolve(root, "packages", dir, "src", file),
    });
  }
}

export const sharedConfig = defineConfig({
  resolve: { alias },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 10_000,
  },
});
export default sharedConfig;
