import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/browser.ts"],
  format: ["esm", "cjs"],
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  platform: "node",
  // Keep `node:` specifiers: bundlers and the size check treat them as built-ins.
  removeNodeProtocol: false,
});
