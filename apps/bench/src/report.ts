// Turns the medians into the results table (Markdown, for the console, the results file and the
// docs page) and a bar chart of corio's ratios against each peer (SVG, for the docs page).
import { corioRatio, formatRate, RUNTIME_LABELS, RUNTIMES, type Runtime } from "./workloads.js";

/** The median of `xs` (the mean of the middle two for an even count), or null if empty. */
export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One line of the table: one metric of one workload. */
export interface Row {
  workload: string;
  title: string;
  unit: string;
  better: "higher" | "lower";
  target: string;
  met: boolean | null;
  /** Median per runtime; null when it has no program or every run failed. */
  medians: Partial<Record<Runtime, number | null>>;
  /** Every successful sample, in run order. */
  samples: Partial<Record<Runtime, number[]>>;
  /** corio's median against each peer's: > 1 means corio is better. */
  ratios: Partial<Record<Runtime, number | null>>;
  /** Runtimes that ran at another size (see notes). */
  resized: Runtime[];
  errors: Partial<Record<Runtime, string>>;
  formatted: Partial<Record<Runtime, string>>;
}

export interface Results {
  generatedAt: string;
  machine: {
    cpus: number;
    model: string;
    node: string;
    python: string | null;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
  };
  repetitions: number;
  rows: Row[];
  notes: string[];
  /** What the engine alone charges for a workload's shape (`src/floors.ts`), when it was run. */
  floors?: Floor[];
}

/** One floor: the bare shape of a workload with no corio and no loop, median of its repetitions. */
export interface Floor {
  id: string;
  label: string;
  n: number;
  nsPerItem: number;
  perSecond: number;
}

const fmtPerSecond = (x: number): string => `${formatRate(x)}/s`;

function fmtPerItem(ns: number): string {
  return ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`;
}

/** The floors as a Markdown table. */
export function floorsTable(floors: Floor[]): string {
  const lines = ["| floor (no corio, no loop) | n | per item | rate |", "|---|---|---|---|"];
  for (const f of floors) {
    lines.push(
      `| ${f.label} | ${f.n} | ${fmtPerItem(f.nsPerItem)} | ${fmtPerSecond(f.perSecond)} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export const PEERS = RUNTIMES.filter((r) => r !== "corio");

const fmtRatio = (r: number | null | undefined) =>
  r === null || r === undefined ? "—" : `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;

/** Builds the table rows' ratio cells. */
export function ratiosOf(row: Pick<Row, "medians" | "better">): Row["ratios"] {
  const out: Row["ratios"] = {};
  for (const peer of PEERS) {
    const r = corioRatio(
      row.medians.corio ?? undefined,
      row.medians[peer] ?? undefined,
      row.better,
    );
    out[peer] = r === undefined ? null : r;
  }
  return out;
}

const SHORT: Record<Runtime, string> = {
  corio: "corio",
  native: "native",
  effection: "Effection",
  effect: "Effect",
  cpython: "CPython",
  piscina: "Piscina",
};

/** The results as a Markdown table with notes. */
export function markdownTable(results: Results): string {
  const head = [
    "workload",
    "unit",
    ...RUNTIMES.map((r) => SHORT[r]),
    ...PEERS.map((p) => `corio vs ${SHORT[p]}`),
    "target",
    "met",
  ];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const row of results.rows) {
    const cells = [
      `${row.workload} ${row.title}`,
      `${row.unit} (${row.better} is better)`,
      ...RUNTIMES.map((r) => {
        if (row.errors[r] !== undefined) return "failed";
        const v = row.formatted[r];
        if (v === undefined) return "—";
        return row.resized.includes(r) ? `${v}†` : v;
      }),
      ...PEERS.map((p) => fmtRatio(row.ratios[p])),
      row.target,
      row.met === null ? "—" : row.met ? "yes" : "**no**",
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  const notes = results.notes.map((n) => `- ${n}`);
  return `${lines.join("\n")}\n\n${notes.join("\n")}\n`;
}

/** A horizontal bar chart of corio's ratio against each peer, per row, on a log scale. */
export function ratioChart(results: Results): string {
  const colors: Record<string, string> = {
    native: "#8a8f98",
    effection: "#2f9e44",
    effect: "#1c7ed6",
    cpython: "#e8590c",
    piscina: "#9c36b5",
  };
  const rows = results.rows.filter((r) => PEERS.some((p) => typeof r.ratios[p] === "number"));
  const left = 250;
  const width = 820;
  const plot = width - left - 70;
  const bar = 9;
  const gap = 2;
  const min = 0.1;
  const max = 1000;
  const x = (v: number) => {
    const c = Math.min(Math.max(v, min), max);
    return left + ((Math.log10(c) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))) * plot;
  };
  const out: string[] = [];
  let y = 40;
  for (const row of rows) {
    const peers = PEERS.filter((p) => typeof row.ratios[p] === "number");
    const h = peers.length * (bar + gap);
    out.push(
      `<text x="${left - 8}" y="${y + h / 2 + 4}" text-anchor="end" font-size="12">${esc(`${row.workload} ${row.unit}`)}</text>`,
    );
    for (const p of peers) {
      const r = row.ratios[p] as number;
      const x0 = x(1);
      const x1 = x(r);
      out.push(
        `<rect x="${Math.min(x0, x1).toFixed(1)}" y="${y}" width="${Math.max(1, Math.abs(x1 - x0)).toFixed(1)}" height="${bar}" fill="${colors[p]}"><title>${esc(`corio vs ${RUNTIME_LABELS[p]}: ${fmtRatio(r)}`)}</title></rect>`,
        `<text x="${(Math.max(x0, x1) + 4).toFixed(1)}" y="${y + bar - 1}" font-size="9">${fmtRatio(r)}</text>`,
      );
      y += bar + gap;
    }
    y += 10;
  }
  const height = y + 30;
  const ticks = [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000]
    .map(
      (t) =>
        `<line x1="${x(t).toFixed(1)}" y1="30" x2="${x(t).toFixed(1)}" y2="${y}" stroke="${t === 1 ? "#000" : "#ddd"}"/>` +
        `<text x="${x(t).toFixed(1)}" y="${y + 14}" text-anchor="middle" font-size="10">${t}×</text>`,
    )
    .join("");
  const legend = PEERS.map(
    (p, i) =>
      `<rect x="${20 + i * 190}" y="10" width="10" height="10" fill="${colors[p]}"/><text x="${20 + i * 190 + 14}" y="19" font-size="11">vs ${esc(RUNTIME_LABELS[p])}</text>`,
  ).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${legend}
${ticks}
${out.join("\n")}
<text x="20" y="${height - 4}" font-size="10">corio's median ÷ the peer's (rates), or the peer's ÷ corio's (times, bytes): right of 1× corio is ahead. Log scale. Run of ${esc(results.generatedAt.slice(0, 16).replace("T", " "))} UTC.</text>
</svg>
`;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Fills an analysis template from the results: `{{W2.corio}}` is a runtime's median as the table
 * prints it, `{{W2/effect}}` corio's ratio against a peer, `{{W4#1.corio}}` the workload's second
 * metric; `{{time}}` and `{{load}}` describe the run; `{{floor:W5}}` is a floor's rate and
 * `{{floor:W5:item}}` its time per item.
 */
export function fillTemplate(template: string, results: Results): string {
  return template.replace(/\{\{([^}]+)\}\}/g, (_, key: string) => {
    if (key === "time") return `${results.generatedAt.slice(11, 16)} UTC`;
    if (key === "load") return String(results.machine.loadAverageBefore[0]);
    // The verdict of a workload's target in this run, so the analysis never states one by hand.
    const v = /^met(-zh)?:([\w-]+)$/.exec(key);
    if (v !== null) {
      const met = results.rows.find((r) => r.workload === v[2])?.met;
      if (met === undefined || met === null) return "—";
      return v[1] === undefined ? (met ? "met" : "not met") : met ? "达标" : "未达标";
    }
    const f = /^floor:([\w-]+)(:item)?$/.exec(key);
    if (f !== null) {
      const floor = results.floors?.find((x) => x.id === f[1]);
      if (floor === undefined) return "—";
      return f[2] === undefined ? fmtPerSecond(floor.perSecond) : fmtPerItem(floor.nsPerItem);
    }
    const m = /^([A-Z]\w*?)(?:#(\d+))?([./])(\w+)$/.exec(key);
    if (m === null) return `{{${key}}}`;
    const [, id, index, sep, runtime] = m;
    const row = results.rows.filter((r) => r.workload === id)[Number(index ?? 0)];
    if (row === undefined) return "—";
    if (sep === "/") return fmtRatio(row.ratios[runtime as Runtime]);
    return row.formatted[runtime as Runtime] ?? "—";
  });
}
