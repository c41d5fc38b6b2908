import { createTask } from "@corio/task";
import { expectOrder, runTraced } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { syncExample } from "../src/index.js";

describe("syncExample", () => {
  it("returns its value one loop iteration later", async () => {
    const { result, trace } = await runTraced(function* (t) {
      const other = createTask(
        (function* () {
          t.log("other task ran");
        })(),
      );
      t.log("waiting");
      const value = yield* syncExample("hi");
      t.log(`got ${value}`);
      yield* other;
      return value;
    });
    expect(result).toBe("hi");
    expectOrder(trace, ["waiting", "other task ran", "got hi"]);
  });
});
