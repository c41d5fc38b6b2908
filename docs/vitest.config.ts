// The tutorial examples run as tests: same aliases as the packages (sources, no build needed),
// but the tests live next to the examples. (mergeConfig would append to `include`, so the test
// block is replaced by hand.)
import { defineConfig } from "vitest/config";
import { sharedConfig } from "../vitest.shared.ts";

export default defineConfig({
  ...sharedConfig,
  test: { ...sharedConfig.test, include: ["examples/**/*.test.ts"] },
});
