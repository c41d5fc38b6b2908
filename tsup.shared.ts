// The build every published corio package shares: ESM + CJS + types, ES2022. Each package's
// tsup.config.ts is one line that calls `corioTsup()`, naming its entry points when it has more
// than `src/index.ts`, and saying `node: true` when it is a Node-only package.
//
// @corio/internal (the code several packages share) is never published: it is bundled into each
// package that uses it, JavaScript and types alike, so no published package depends on it.
import { defineConfig, type Options } from "tsup";

export interface CorioBuild {
  /** Entry points; default `["src/index.ts"]`. A `src/browser.ts` entry gets no types. */
  entry?: string[];
  /**
   * A Node-only package: `node:` specifiers are kept as written (they say at a glance what the
   * package needs, and bundlers and the size check treat them as built-ins).
   */
  node?: boolean;
  /** Runtime dependencies that are not corio packages (queue-redis's Redis client). */
  external?: string[];
}

export function corioTsup(build: CorioBuild | string[] = {}): Options {
  const {
    entry = ["src/index.ts"],
    node = false,
    external = [],
  } = Array.isArray(build) ? { entry: build } : build;
  const typed = entry.filter((e) => !e.endsWith("/browser.ts"));
  return defineConfig({
    entry,
    format: ["esm", "cjs"],
    dts: {
      entry: typed,
      // Resolved as a source file of this package rather than through node_modules, so the type
      // bundler inlines what the declarations use instead of importing a package users lack.
      compilerOptions: {
        paths: { "@corio/internal": ["../internal/src/index.ts"] },
        // Members tagged @internal stay out of the published types (a packaging check enforces it).
        stripInternal: true,
      },
    },
    clean: true,
    sourcemap: true,
    target: "es2022",
    treeshake: true,
    noExternal: [/^@corio\/internal$/],
    ...(external.length > 0 ? { external } : {}),
    ...(node ? { platform: "node" as const, removeNodeProtocol: false } : {}),
  }) as Options;
}
