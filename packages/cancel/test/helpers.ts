import { type Coroutine, getRunningLoop, isCancelledError } from "@corio/interfaces";
import { sleep } from "@corio/task";

/** Logs start/end/cancelled/finally around a sleep of `ms`; fails at the end if asked. */
export function* work(log: string[], name: string, ms: number, fail = false): Coroutine<string> {
  try {
    log.push(`${name} start`);
    yield* sleep(ms);
    if (fail) {
      log.push(`${name} fail`);
      throw new Error(name);
    }
    log.push(`${name} end`);
    return name;
  } catch (e) {
    if (isCancelledError(e)) log.push(`${name} cancelled`);
    throw e;
  } finally {
    log.push(`${name} finally`);
  }
}

/** The loop's time now. */
export function now(): number {
  return getRunningLoop().time();
}

/** The name of an error's class, for logs. */
export function errorName(e: unknown): string {
  return (e as Error)?.name ?? typeof e;
}
