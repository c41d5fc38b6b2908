// @corio/internal is inlined at build time (tsup.shared.ts): a published package that listed it
// as a dependency would ask npm for a package that does not exist.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packages = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const manifests = readdirSync(packages).map((dir) => ({
  dir,
  pkg: JSON.parse(readFileSync(join(packages, dir, "package.json"), "utf8")) as {
    name: string;
    private?: boolean;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  },
}));

describe("@corio/internal stays private", () => {
  it("is marked private, so it is never published", () => {
    const self = manifests.find((m) => m.pkg.name === "@corio/internal");
    expect(self?.pkg.private).toBe(true);
  });

  it("is no runtime or peer dependency of any published package", () => {
    const offenders = manifests
      .filter((m) => !m.pkg.private)
      .filter(
        (m) =>
          "@corio/internal" in (m.pkg.dependencies ?? {}) ||
          "@corio/internal" in (m.pkg.peerDependencies ?? {}),
      )
      .map((m) => m.pkg.name);
    expect(offenders).toEqual([]);
  });
});
