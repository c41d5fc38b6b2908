// Runs a contract suite without a test runner, to see which of its tests an implementation fails.
import type { SuiteApi } from "./check.js";

/**
 * Runs a contract suite outside any test runner and returns the names of the tests that failed
 * (`"describe > it"`, the suite's own top-level name left out), in the order they ran. Use it to
 * check that a suite catches a deliberately broken implementation, as corio's own tests do.
 *
 * @asyncio none: a testing helper.
 * @throws {TypeError} if `register` is not a function.
 * @example
 * class LaxQueue extends Queue<number> {
 *   override taskDone(): void {} // never complains
 * }
 * const failed = await contractFailures((api) => queueContract(api, (n) => new LaxQueue(n)));
 * // ["taskDone() and join() > taskDone() throws when called more times than items were put"]
 */
export async function contractFailures(register: (api: SuiteApi) => void): Promise<string[]> {
  if (typeof register !== "function") {
    throw new TypeError(
      "contractFailures(register): register must be a function (api) => suite(api, ...)",
    );
  }
  const tests: { name: string; body: () => void | Promise<void> }[] = [];
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
