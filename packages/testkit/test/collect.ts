// Runs a contract suite outside vitest: registers its tests through a fake describe/it, then runs
// each and records which failed. Lets us check that the suites catch broken implementations.
import type { SuiteApi } from "../src/index.js";

export interface Collected {
  name: string;
  body: () => void | Promise<void>;
}

export function collect(register: (api: SuiteApi) => void): Collected[] {
  const tests: Collected[] = [];
  const path: string[] = [];
  register({
    describe(name, body) {
      path.push(name);
      try {
        body();
      } finally {
        path.pop();
      }
    },
    it(name, body) {
      tests.push({ name: [...path.slice(1), name].join(" > "), body });
    },
  });
  return tests;
}

/** Runs every collected test; returns the names of those that failed. */
export async function failures(tests: Collected[]): Promise<string[]> {
  const failed: string[] = [];
  for (const t of tests) {
    try {
      await t.body();
    } catch {
      failed.push(t.name);
    }
  }
  return failed;
}
