// W10's parameters, shared by the corio and Piscina programs: which job, how many, and the checks.
import { availableParallelism } from "node:os";
import { heavy, small } from "./work.mjs";

export const WORK_URL = new URL("./work.mjs", import.meta.url);
/** Both pools get as many workers as the machine has cores. */
export const WORKERS = availableParallelism();
/** Rounds of one heavy job (see work.mjs): about 10 ms of V8, a few seconds of CPython. */
export const HEAVY_ROUNDS = 10_000_000;
/** `heavy(HEAVY_ROUNDS)`, written down so that every runtime checks against the same number. */
export const HEAVY_RESULT = 1648114245;

/** The expected sum of the results, computed here on the main thread. */
export function expectedSum(kind: "small" | "heavy", n: number): number {
  if (kind === "small") {
    let s = 0;
    for (let i = 0; i < n; i++) s += small(i);
    return s;
  }
  const one = heavy(HEAVY_ROUNDS);
  if (one !== HEAVY_RESULT) throw new Error(`heavy() changed: ${one}, not ${HEAVY_RESULT}`);
  return n * one;
}
