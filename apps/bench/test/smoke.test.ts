// Smoke run: every program of every runtime, at a tiny size, must finish and pass its own check.
// The programs import the built packages (dist), as `pnpm bench` does.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FLOOR_IDS } from "../src/floors.js";
import {
  fillTemplate,
  floorsTable,
  markdownTable,
  type Results,
  ratioChart,
  ratiosOf,
} from "../src/report.js";
import { BENCH_DIR, programFile, runProgram } from "../src/runner.js";
import { RUNTIMES, WORKLOADS } from "../src/workloads.js";

describe.concurrent("every benchmark program passes its self-check at a small size", () => {
  for (const w of WORKLOADS) {
    for (const r of RUNTIMES) {
      const file = programFile(w, r);
      if (file === null) continue;
      it(`${w.id} (${w.title}) on ${r}`, async () => {
        const outcome = await runProgram(file, w.smoke, 50_000);
        expect(outcome).toMatchObject({ ok: true });
        // The headline number must be there; extras (W4's heap per task) may be missing (CPython).
        if (outcome.ok) expect(w.metrics[0]!.value(outcome.m, w.smoke)).toBeGreaterThan(0);
      });
    }
  }
});

describe("reference programs outside the table", () => {
  it("W9's node:net program with onread client reads passes its self-check", async () => {
    const w9 = WORKLOADS.find((w) => w.id === "W9")!;
    const file = join(BENCH_DIR, "src", "programs", "w9-echo", "native-onread.ts");
    const outcome = await runProgram(file, w9.smoke, 50_000);
    expect(outcome).toMatchObject({ ok: true });
  });
});

/** Results of a made-up run on a made-up machine, with `parts` in place of the defaults. */
function resultsOf(parts: Partial<Results>): Results {
  return {
    generatedAt: "2026-01-01T00:00:00.000Z",
    machine: {
      cpus: 2,
      model: "x",
      node: "v20",
      python: null,
      loadAverageBefore: [0],
      loadAverageAfter: [0],
    },
    repetitions: 1,
    notes: [],
    rows: [],
    ...parts,
  };
}

describe("the harness", () => {
  it("counts a program whose self-check fails as a failure", async () => {
    const outcome = await runProgram(
      join(BENCH_DIR, "test", "fixtures", "wrong.ts"),
      { n: 1 },
      30_000,
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toContain("self-check failed: 1 + 1 is 3 (got 2)");
  });

  it("every workload has a corio program, and corio ratios read 'higher is better'", () => {
    for (const w of WORKLOADS) expect(programFile(w, "corio")).not.toBeNull();
    expect(ratiosOf({ better: "higher", medians: { corio: 4, effect: 2 } }).effect).toBe(2);
    expect(ratiosOf({ better: "lower", medians: { corio: 500, native: 1500 } }).native).toBe(3);
  });

  it("renders the table and the chart", () => {
    const results = resultsOf({
      notes: ["a note"],
      rows: [
        {
          workload: "W2",
          title: "switches",
          unit: "switches/s",
          better: "higher" as const,
          target: "t",
          met: true,
          medians: { corio: 4e6, effect: 1e6 },
          samples: {},
          ratios: { effect: 4 },
          resized: [],
          errors: {},
          formatted: { corio: "4.00M", effect: "1.00M" },
        },
      ],
    });
    expect(markdownTable(results)).toContain(
      "| W2 switches | switches/s (higher is better) | 4.00M | — | — | 1.00M | — | — | — | — | 4.00× | — | — | t | yes |",
    );
    expect(ratioChart(results)).toContain("<svg");
  });

  it("fills the verdict keys of an analysis template from the rows, in English and Chinese", () => {
    const row = (workload: string, met: boolean | null) => ({
      workload,
      title: workload,
      unit: "x/s",
      better: "higher" as const,
      target: "t",
      met,
      medians: {},
      samples: {},
      ratios: {},
      resized: [],
      errors: {},
      formatted: {},
    });
    const results = resultsOf({ rows: [row("W2", true), row("W5", false), row("W7", null)] });
    expect(fillTemplate("{{met:W2}} {{met:W5}} {{met:W7}} {{met:W9}}", results)).toBe(
      "met not met — —",
    );
    expect(fillTemplate("{{met-zh:W2}} {{met-zh:W5}}", results)).toBe("达标 未达标");
  });

  it("fills floor keys of an analysis template, and a dash for a floor not measured", () => {
    const floors = [{ id: "W5", label: "W5: x", n: 10, nsPerItem: 1650, perSecond: 606_060 }];
    const results = resultsOf({ floors });
    expect(fillTemplate("{{floor:W5}} {{floor:W5:item}} {{floor:W3}}", results)).toBe(
      "606k/s 1.65 µs —",
    );
    expect(floorsTable(floors)).toContain("| W5: x | 10 | 1.65 µs | 606k/s |");
  });
});

describe("the floors script", () => {
  it("measures every floor and checks its own result", () => {
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", join(BENCH_DIR, "src", "floors.ts"), "--n", "1000"],
      { encoding: "utf8", timeout: 30_000 },
    );
    for (const id of FLOOR_IDS) {
      expect(out).toMatch(
        new RegExp(
          `\\| ${id.split("-")[0]}: .* \\| 1000 \\| [\\d.]+ (ns|µs) \\| [\\d.]+[kM]/s \\|`,
        ),
      );
    }
    expect(out.match(/\| 1000 \|/g)).toHaveLength(FLOOR_IDS.length);
  });

  it("rejects a bad --n with a RangeError that names it", () => {
    expect(() =>
      execFileSync(
        process.execPath,
        ["--import", "tsx", join(BENCH_DIR, "src", "floors.ts"), "--n", "0"],
        {
          encoding: "utf8",
          stdio: "pipe",
          timeout: 30_000,
        },
      ),
    ).toThrow(/RangeError: --n must be a positive integer, got 0/);
  });
});
