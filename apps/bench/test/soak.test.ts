// Smoke run of the soak (src/soak.ts) at a small size: it must finish, count every job, and the
// exception handler must have heard of every failure by the time run() has returned. (Whether it
// hears of them while run() goes on is what the full soak measures; see docs/performance.md.)
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSoak, soakTable } from "../src/soak.js";

describe("the soak", () => {
  it("runs 4000 fire-and-forget jobs and reports every failure by the end", async () => {
    const { rows, otherReports } = await runSoak({
      tasks: 4000,
      sampleEvery: 1000,
      concurrency: 100,
    });
    expect(rows.map((r) => [r.phase, r.started])).toEqual([
      ["run", 1000],
      ["run", 2000],
      ["run", 3000],
      ["run", 4000],
      ["closed", 4000],
    ]);
    const closed = rows[rows.length - 1]!;
    expect(closed).toMatchObject({ finished: 4000, failuresMade: 2000, failuresReported: 2000 });
    expect(otherReports).toEqual([]);
    expect(soakTable(rows).split("\n")).toHaveLength(2 + rows.length);
  });

  it("prints its table from the command line, with the heap measured under --expose-gc", () => {
    const out = execFileSync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", "src/soak-main.ts", "--tasks", "2000", "--sample", "1000"],
      { cwd: join(import.meta.dirname, ".."), encoding: "utf8" },
    );
    expect(out).toMatch(/^\| phase \| started \| finished \| failures made \| failures reported/);
    expect(out).toMatch(/after run\(\) returned: 1000 of 1000/);
    expect(out).toMatch(/heap after GC grew by -?\d+\.\d MB/);
  });
});
