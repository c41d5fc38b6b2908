import { mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

export default mergeConfig(shared, {
  test: {
    globalSetup: ["./test/global-setup.ts"],
    // One Redis server serves every file, and reconnect.test.ts kills every client connection on
    // it (CLIENT KILL): files run one after another so that it cannot cut another file's waits.
    fileParallelism: false,
  },
});
