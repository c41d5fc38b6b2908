import type { Coroutine } from "@corio/interfaces";
import { sleep } from "@corio/task";

/** Logs `tick0`…`tick{n-1}`, one per loop iteration. */
export function* ticker(log: string[], n: number): Coroutine<void> {
  for (let i = 0; i < n; i++) {
    log.push(`tick${i}`);
    yield* sleep(0);
  }
}

/** Starts, gives up control `k` times, then returns its name or throws `Error(name)`. */
export function* child(log: string[], name: string, k: number, fail = false): Coroutine<string> {
  log.push(`${name} start`);
  for (let i = 0; i < k; i++) yield* sleep(0);
  if (fail) {
    log.push(`${name} fail`);
    throw new Error(name);
  }
  log.push(`${name} end`);
  return name;
}
