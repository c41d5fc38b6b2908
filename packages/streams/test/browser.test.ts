// In a browser build the "browser" export condition picks a stub that fails at import time with a
// message saying why, instead of a bundler error about node:net.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the browser entry", () => {
  it("throws a clear error when imported", async () => {
    await expect(import("../src/browser.js")).rejects.toThrow(
      "@corio/streams needs Node.js (it uses node:net and node:tls); it is not available in browsers",
    );
  });

  it("is what package.json's browser condition points at, before the Node conditions", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const conditions = Object.keys(pkg.exports["."]);
    expect(conditions[0]).toBe("browser");
    expect(pkg.exports["."].browser.default).toBe("./dist/browser.js");
  });
});
