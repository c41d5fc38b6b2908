// Instrumentation: the installed instruments folded into one object, so that every hot path checks
// a single field (`hooks !== null`) and pays nothing more when no tool is installed.
import type { LoopInstrument } from "@corio/interfaces";

const HOOK_NAMES = [
  "taskCreated",
  "stepStarted",
  "stepEnded",
  "taskSuspended",
  "cancelRequested",
  "taskDone",
  "callbackRan",
] as const;

/** One object calling every installed instrument's hooks in installation order; null for none. */
export function combineInstruments(list: readonly LoopInstrument[]): LoopInstrument | null {
  if (list.length === 0) return null;
  if (list.length === 1) return list[0]!;
  const out: Record<string, Function> = {};
  for (const key of HOOK_NAMES) {
    const fns = list.map((i) => i[key]?.bind(i)).filter((f) => f !== undefined) as Function[];
    if (fns.length > 0) {
      out[key] = (...args: unknown[]) => {
        for (const f of fns) f(...args);
      };
    }
  }
  return out as LoopInstrument;
}

/**
 * Adds `instrument` to `list` and hands the new combination to `install`; returns the function
 * that takes it out again (and installs the combination of the rest).
 */
export function addToList(
  list: LoopInstrument[],
  instrument: LoopInstrument,
  install: (hooks: LoopInstrument | null) => void,
): () => void {
  list.push(instrument);
  install(combineInstruments(list));
  return () => {
    const i = list.indexOf(instrument);
    if (i >= 0) {
      list.splice(i, 1);
      install(combineInstruments(list));
    }
  };
}
