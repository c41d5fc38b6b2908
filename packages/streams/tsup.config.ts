import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "es2022",
    treeshake: true,
    // Keep "node:net" as written: it says at a glance that this is a Node-only package.
    removeNodeProtocol: false,
  },
  {
    // The "browser" export condition: a stub that throws a clear error (no sockets in browsers).
    entry: ["src/browser.ts"],
    format: ["esm"],
    target: "es2022",
  },
]);
