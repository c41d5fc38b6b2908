// The smoke test runs the built packages in child processes, so no source aliases are needed.
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Two programs at a time: the machine (and CI) has two cores.
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000, maxConcurrency: 2 },
});
