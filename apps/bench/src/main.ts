// `pnpm bench`: runs every workload for every runtime, each repetition in a fresh process, the
// runtimes interleaved so that load on the machine hits them alike; prints the table of medians and
// ratios and writes results/latest.{json,md}, the docs' chart and the table in the docs' page.
//
// It also runs `src/floors.ts` once (skipped with --only unless "floors" is listed), so the floors
// quoted beside the table come from the same run.
//
// Flags: --reps N (default 5), --only W2,W4 (workload ids), --runtimes corio,native,
// --no-write (print only), --render (redraw the outputs from results/latest.json, run nothing).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { FLOOR_IDS } from "./floors.js";
import {
  type Floor,
  fillTemplate,
  floorsTable,
  markdownTable,
  median,
  type Results,
  type Row,
  ratioChart,
  ratiosOf,
} from "./report.js";
import { BENCH_DIR, cpythonVersion, programFile, runProgram } from "./runner.js";
import { type Params, RUNTIMES, type Runtime, WORKLOADS } from "./workloads.js";

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const reps = Number(flag("reps") ?? 5);
const only = flag("only")?.split(",");
const runtimes = (flag("runtimes")?.split(",") ?? RUNTIMES) as Runtime[];
const write = !process.argv.includes("--no-write");
const TIMEOUT_MS = 180_000;

async function main() {
  if (process.argv.includes("--render")) {
    // Redraw the table, chart and docs from the last results, without running anything.
    const file = join(BENCH_DIR, "results", "latest.json");
    writeOutputs(JSON.parse(readFileSync(file, "utf8")) as Results);
    return;
  }
  const loadBefore = loadavg();
  const notes: string[] = [];
  // Floors first: a target may be set against one (W3's).
  let floors: Floor[] | undefined;
  if (only === undefined || only.includes("floors")) {
    // Each floor alone, once, in a fresh process per repetition (as the programs run): a floor
    // measured in a process that already ran it, or a similar one, would be warm.
    const runs = new Map<string, Floor[]>();
    for (let rep = 1; rep <= reps; rep++) {
      process.stderr.write(`  floors (no corio, no loop) rep ${rep}/${reps}\n`);
      for (const id of FLOOR_IDS) {
        const out = execFileSync(
          process.execPath,
          [
            "--expose-gc",
            "--import",
            "tsx",
            join(BENCH_DIR, "src", "floors.ts"),
            "--only",
            id,
            "--reps",
            "1",
            "--json",
          ],
          { cwd: BENCH_DIR, encoding: "utf8", timeout: TIMEOUT_MS },
        );
        const [floor] = JSON.parse(out.trim().split("\n").pop() ?? "[]") as Floor[];
        if (floor !== undefined) runs.set(id, [...(runs.get(id) ?? []), floor]);
      }
    }
    floors = [...runs.values()].map((list) => {
      const ns = median(list.map((f) => f.nsPerItem))!;
      return { ...list[0]!, nsPerItem: ns, perSecond: 1e9 / ns };
    });
  }
  const rows: Row[] = [];
  for (const w of WORKLOADS) {
    if (only !== undefined && !only.includes(w.id)) continue;
    const plan = runtimes
      .map((r) => ({ r, file: programFile(w, r) }))
      .filter((x): x is { r: Runtime; file: string } => x.file !== null);
    const samples = new Map<Runtime, { m: import("./workloads.js").Measurement; p: Params }[]>();
    const errors: Partial<Record<Runtime, string>> = {};
    for (let rep = 0; rep < reps; rep++) {
      for (const { r, file } of plan) {
        if (errors[r] !== undefined) continue;
        const p: Params = { ...w.full, ...w.overrides?.[r]?.full };
        if (rep > 0 && p.realCheck) p.realCheck = false; // the real-clock cross-check runs once
        const outcome = await runProgram(file, p, TIMEOUT_MS);
        if (!outcome.ok) {
          errors[r] = outcome.error;
          process.stderr.write(`  ${w.id} ${r}: ${outcome.error}\n`);
          continue;
        }
        if (!samples.has(r)) samples.set(r, []);
        samples.get(r)!.push({ m: outcome.m, p });
        process.stderr.write(
          `  ${w.id} ${r} rep ${rep + 1}/${reps}: ${outcome.m.ms.toFixed(1)} ms\n`,
        );
      }
    }
    for (const [r, o] of Object.entries(w.overrides ?? {})) {
      if (plan.some((x) => x.r === r)) notes.push(`† ${o!.note}.`);
    }
    const resized = plan.map((x) => x.r).filter((r) => w.overrides?.[r] !== undefined);
    const wRows: Row[] = w.metrics.map((metric) => {
      const medians: Row["medians"] = {};
      const rowSamples: Row["samples"] = {};
      const formatted: Row["formatted"] = {};
      for (const { r } of plan) {
        const values = (samples.get(r) ?? [])
          .map(({ m, p }) => metric.value(m, p))
          .filter((v): v is number => typeof v === "number" && Number.isFinite(v));
        rowSamples[r] = values;
        const med = errors[r] !== undefined ? null : median(values);
        medians[r] = med;
        if (med !== null) formatted[r] = metric.format(med);
      }
      const row: Row = {
        workload: w.id,
        title: w.title,
        unit: metric.unit,
        better: metric.better,
        target: w.target,
        met: null,
        medians,
        samples: rowSamples,
        ratios: {},
        resized,
        errors,
        formatted,
      };
      row.ratios = ratiosOf(row);
      return row;
    });
    const met = w.met?.(
      (r, k = 0) => wRows[k]?.medians[r] ?? undefined,
      (id) => floors?.find((f) => f.id === id)?.perSecond,
    );
    for (const row of wRows) row.met = met === undefined ? null : met;
    rows.push(...wRows);
  }
  const python = cpythonVersion();
  if (python === null)
    notes.push("CPython 3.13 was not found (PYENV_VERSION=3.13.0 python): its column is empty.");
  if (rows.some((r) => r.workload === "W9"))
    notes.push(
      "W9's native column is plain node:net callbacks (no coroutines), the floor for @corio/streams.",
    );
  if (rows.some((r) => r.workload === "W6" || r.workload === "W7")) {
    notes.push(
      "Effection and Effect have no timer API apart from sleeping fibers, so W6 compares corio with setTimeout and asyncio's call_later; W7 is corio's virtual clock, which neither peer nor asyncio has.",
    );
  }
  notes.push(
    "Each cell is the median of the repetitions, each in a fresh `node --expose-gc` (or python) process; ratios are corio's median against the peer's in the same run (> 1× means corio is ahead).",
  );
  const results: Results = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? "unknown",
      node: process.version,
      python,
      loadAverageBefore: loadBefore.map((x) => Math.round(x * 100) / 100),
      loadAverageAfter: loadavg().map((x) => Math.round(x * 100) / 100),
    },
    repetitions: reps,
    rows,
    notes,
    ...(floors === undefined ? {} : { floors }),
  };
  writeOutputs(results);
}

function writeOutputs(results: Results): void {
  const { python } = results.machine;
  const reps = results.repetitions;
  const floors =
    results.floors === undefined
      ? ""
      : `\nFloors, measured in the same run (\`src/floors.ts\`, each alone in a fresh process per repetition, as the programs run; medians): the bare shape of a workload with no corio and no loop, what the engine alone charges for it.\n\n${floorsTable(results.floors)}`;
  const table = markdownTable(results) + floors;
  const header = `corio benchmarks, ${results.generatedAt.slice(0, 16).replace("T", " ")} UTC: ${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}, ${python ?? "no CPython"}, ${reps} repetitions, load average ${results.machine.loadAverageBefore[0]} before and ${results.machine.loadAverageAfter[0]} after (a shared machine).`;
  process.stdout.write(`\n${header}\n\n${table}`);
  if (!write) return;
  const resultsDir = join(BENCH_DIR, "results");
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsDir, "latest.md"), `# Latest benchmark run\n\n${header}\n\n${table}`);
  const docs = join(BENCH_DIR, "..", "..", "docs");
  mkdirSync(join(docs, "public", "bench"), { recursive: true });
  writeFileSync(join(docs, "public", "bench", "ratios.svg"), ratioChart(results));
  const pages = [
    { page: join(docs, "performance.md"), analysis: join(BENCH_DIR, "analysis", "en.md") },
    { page: join(docs, "zh", "performance.md"), analysis: join(BENCH_DIR, "analysis", "zh.md") },
  ];
  for (const { page, analysis } of pages) {
    if (!existsSync(page)) continue;
    let text = readFileSync(page, "utf8");
    text = replaceBlock(
      text,
      "bench",
      `${header}\n\n![corio's ratio against each peer, per workload](/bench/ratios.svg)\n\n${table}`,
    );
    if (existsSync(analysis)) {
      text = replaceBlock(text, "analysis", fillTemplate(readFileSync(analysis, "utf8"), results));
    }
    writeFileSync(page, text);
  }
  process.stderr.write(
    `wrote results/latest.json, results/latest.md, docs/public/bench/ratios.svg\n`,
  );
}

/** Replaces what sits between `<!-- name:begin -->` and `<!-- name:end -->` in a page. */
function replaceBlock(text: string, name: string, content: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return text;
  return `${text.slice(0, a)}${begin}\n\n${content.trim()}\n\n${end}${text.slice(b + end.length)}`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
