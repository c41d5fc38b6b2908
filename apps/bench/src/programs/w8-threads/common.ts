// W8's parameters, shared by the corio and Piscina programs: which job, how many, and the checks.
import { availableParallelism } from "node:os";
import { heavy, small } from "./work.mjs";

export const WORK_URL = new URL("./work.mjs", import.meta.url);
/** Both pools get as many workers as the machine has cores. */
export const WORKERS = availableParallelism();
/** Rounds of one heavy job (see work.mjs). */
export const HEAVY_ROUNDS = 2_000_000;

/** The expected sum of the results, computed here on the main thread. */
export function expectedSum(kind: "small" | "heavy", n: number): number {
  if (kind === "small") {
    let s = 0;
    for (let i = 0; i < n; i++) s += small(i);
    return s;
  }
  return n * heavy(HEAVY_ROUNDS);
}
