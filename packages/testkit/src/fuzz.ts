/**
 * What every property-based (fuzz) test of corio shares, whatever library generates the cases: a
 * seed and a count that a failure can be replayed with, and the check that no promise rejection went
 * unhandled while the cases ran.
 */

interface ProcessLike {
  env?: Record<string, string | undefined>;
  on?(event: string, listener: (reason: unknown) => void): unknown;
  off?(event: string, listener: (reason: unknown) => void): unknown;
}

const host = (globalThis as { process?: ProcessLike }).process;

/** The seed and case count of one fuzz test; see {@link fuzzSettings}. */
export interface FuzzSettings {
  seed: number;
  runs: number;
}

/**
 * The seed and the number of cases for a fuzz test: `FUZZ_SEED` and `FUZZ_RUNS` from the
 * environment when set (to replay a failure, or to run many more cases), the defaults otherwise.
 * Prints them, so that a failing run can be replayed from its output.
 *
 * @asyncio none: a test helper
 * @throws {RangeError} if `FUZZ_SEED` or `FUZZ_RUNS` is set to something that is not an integer.
 * @example
 * const { seed, runs } = fuzzSettings("queue", 300);
 * await fc.assert(property, { seed, numRuns: runs });
 */
export function fuzzSettings(area: string, defaultRuns: number, defaultSeed = 15015): FuzzSettings {
  const read = (name: string, fallback: number): number => {
    const text = host?.env?.[name];
    if (text === undefined || text === "") return fallback;
    const value = Number(text);
    if (!Number.isInteger(value)) {
      throw new RangeError(`fuzzSettings(): ${name} must be an integer, got "${text}"`);
    }
    return value;
  };
  const settings = { seed: read("FUZZ_SEED", defaultSeed), runs: read("FUZZ_RUNS", defaultRuns) };
  console.log(
    `${area} fuzz: seed=${settings.seed} runs=${settings.runs} (replay: FUZZ_SEED=${settings.seed})`,
  );
  return settings;
}

/**
 * Runs `body` and returns every promise rejection that went unhandled while it ran (including one
 * reported right after it, once the host had a turn). Where the host has no `unhandledRejection`
 * event (browsers), it returns an empty list.
 *
 * @asyncio none: a test helper (asyncio logs "Task exception was never retrieved" instead)
 * @example
 * const unhandled = await unhandledRejectionsDuring(() => fc.assert(property));
 * expect(unhandled).toEqual([]);
 */
export async function unhandledRejectionsDuring(body: () => Promise<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => void seen.push(reason);
  const on = typeof host?.on === "function" && typeof host.off === "function";
  if (on) host!.on!("unhandledRejection", listener);
  try {
    await body();
    // Node reports an unhandled rejection after the microtasks of the turn it happened in.
    await new Promise((resolve) => setTimeout(resolve, 0));
  } finally {
    if (on) host!.off!("unhandledRejection", listener);
  }
  return seen;
}
