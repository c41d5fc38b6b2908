import { CancelledError, ExceptionGroup, getRunningLoop, sleep, taskGroup } from "corio";

function* fetchPart(name: string, ms: number, fails = false) {
  const loop = getRunningLoop();
  try {
    yield* sleep(ms);
    if (fails) throw new Error(`${name} failed`);
    console.log(`${loop.time()} ms: ${name} done`);
    return name;
  } catch (error) {
    if (error instanceof CancelledError) console.log(`${loop.time()} ms: ${name} cancelled`);
    throw error;
  }
}

export function* main() {
  const loop = getRunningLoop();

  // Every child succeeds: the block ends when all of them are done.
  const page = yield* taskGroup(function* (tg) {
    const header = tg.createTask(fetchPart("header", 300), { name: "header" });
    const body = tg.createTask(fetchPart("body", 500), { name: "body" });
    return `${yield* header} + ${yield* body}`;
  });
  console.log(`${loop.time()} ms: page = ${page}`);

  // One child fails: the others are cancelled, and the group reports every failure.
  try {
    yield* taskGroup(function* (tg) {
      tg.createTask(fetchPart("ads", 200, true), { name: "ads" });
      const comments = tg.createTask(fetchPart("comments", 1000), { name: "comments" });
      yield* comments; // the block waits too, and is interrupted right here
    });
  } catch (error) {
    if (error instanceof ExceptionGroup) {
      const messages = error.errors.map((e) => (e as Error).message);
      console.log(`${loop.time()} ms: the group failed: ${messages.join(", ")}`);
    }
  }
}
