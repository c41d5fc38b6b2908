// The build every published corio package shares: ESM + CJS + types, ES2022. Each package's
// tsup.config.ts is one line that calls `corioTsup()`, naming its entry points when it has more
// than `src/index.ts`.
//
// @corio/internal (the code several packages share) is never published: it is bundled into each
// package that uses it, JavaScript and types alike, so no published package depends on it.
import { defineConfig, type Options } from "tsup";

export function corioTsup(entry: string[] = ["src/index.ts"]): Options {
  return defineConfig({
    entry,
    format: ["esm", "cjs"],
    dts: {
      // Resolved as a source file of this package rather than through node_modules, so the type
      // bundler inlines what the declarations use instead of importing a package users lack.
      compilerOptions: { paths: { "@corio/internal": ["../internal/src/index.ts"] } },
    },
    clean: true,
    sourcemap: true,
    target: "es2022",
    treeshake: true,
    noExternal: [/^@corio\/internal$/],
  }) as Options;
}
