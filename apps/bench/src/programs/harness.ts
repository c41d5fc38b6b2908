// What every JavaScript benchmark program shares: its parameters, a clock, a self-check, and one
// line of JSON on stdout for the runner. Each program runs in a fresh `node --expose-gc` process.
import { performance } from "node:perf_hooks";

/** Parameters the runner passes as JSON in argv[2]; `n` is the workload size. */
export interface Params {
  n: number;
  producers?: number;
  consumers?: number;
  clients?: number;
  /** Untimed rounds before the timed ones (W9: round trips per client). */
  warmup?: number;
  [key: string]: unknown;
}

/** The parameters of this run. */
export function params(): Params {
  const raw = process.argv[2];
  if (raw === undefined) throw new TypeError("usage: <program> '{\"n\":1000}'");
  return JSON.parse(raw) as Params;
}

let cpuStart: NodeJS.CpuUsage | null = null;

/**
 * Milliseconds from a monotonic clock. The first call also starts counting this process's CPU time,
 * which `report` adds as `cpuMs` (steadier than wall time on a busy machine).
 */
export const now = (): number => {
  if (cpuStart === null) cpuStart = process.cpuUsage();
  return performance.now();
};

/** Fails the run (non-zero exit): a program whose result is wrong must not win. */
export function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`self-check failed: ${what}`);
}

/** Full garbage collection (the runner starts node with --expose-gc), then the heap in use. */
export function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run node with --expose-gc");
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Prints the measurement; `ms` is the measured span in milliseconds. */
export function report(result: { ms: number; [key: string]: unknown }): void {
  const cpu = process.cpuUsage(cpuStart ?? undefined);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(`${JSON.stringify({ ok: true, ...result, cpuMs })}\n`);
}

/** A small deterministic PRNG (mulberry32), so every runtime sees the same "random" delays. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `main` and turns any failure into a message and exit code 1. */
export function program(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
