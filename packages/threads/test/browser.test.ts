// In a browser the package must fail at import with a message that says why, not half-work.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the browser entry", () => {
  it("throws at import, naming the package and what it needs", async () => {
    await expect(import("../src/browser.js")).rejects.toThrow(
      "@corio/threads needs Node.js (it uses node:worker_threads); it is not available in browsers",
    );
  });

  it("is what the browser condition of package.json points at, for import and require", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const browser = pkg.exports["."].browser;
    expect(browser.import.default).toBe("./dist/browser.js");
    expect(browser.require.default).toBe("./dist/browser.cjs");
    expect(Object.keys(pkg.exports["."])[0]).toBe("browser"); // checked before import/require
  });
});
