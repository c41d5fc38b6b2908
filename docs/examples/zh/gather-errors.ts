import { gather, getRunningLoop, sleep } from "corio";

function* fetchUser(id: number) {
  yield* sleep(id * 100);
  if (id === 2) throw new Error(`user ${id} not found`);
  return `user ${id}`;
}

export function* main() {
  const loop = getRunningLoop();

  // 不设 returnExceptions 时，第一个错误会从 yield* 处抛出。
  try {
    yield* gather(fetchUser(1), fetchUser(2), fetchUser(3));
  } catch (error) {
    console.log(`caught at ${loop.time()} ms: ${(error as Error).message}`);
  }

  // 设了 returnExceptions，每个子任务都有结果，错误就占在它的位置上。
  const results = yield* gather(fetchUser(1), fetchUser(2), fetchUser(3), {
    returnExceptions: true,
  });
  for (const r of results) {
    console.log(r instanceof Error ? `failed: ${r.message}` : `ok: ${r}`);
  }
  console.log(`all settled at ${loop.time()} ms`);
}
