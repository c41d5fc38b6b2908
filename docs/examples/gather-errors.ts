import { gather, getRunningLoop, sleep } from "corio";

function* fetchUser(id: number) {
  yield* sleep(id * 100);
  if (id === 2) throw new Error(`user ${id} not found`);
  return `user ${id}`;
}

export function* main() {
  const loop = getRunningLoop();

  // Without returnExceptions, the first error is thrown from the yield*.
  try {
    yield* gather(fetchUser(1), fetchUser(2), fetchUser(3));
  } catch (error) {
    console.log(`caught at ${loop.time()} ms: ${(error as Error).message}`);
  }

  // With returnExceptions, every child reports back and errors take their places.
  const results = yield* gather(fetchUser(1), fetchUser(2), fetchUser(3), {
    returnExceptions: true,
  });
  for (const r of results) {
    console.log(r instanceof Error ? `failed: ${r.message}` : `ok: ${r}`);
  }
  console.log(`all settled at ${loop.time()} ms`);
}
