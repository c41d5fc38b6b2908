import { createTask, sleep } from "corio";

// Stands in for CPU work that never waits: no timer, no I/O.
function crunch(): number {
  let sum = 0;
  for (let i = 0; i < 100_000; i++) sum += i % 7;
  return sum;
}

function* polite(name: string) {
  for (let chunk = 1; chunk <= 3; chunk++) {
    crunch();
    console.log(`${name}: chunk ${chunk}`);
    yield* sleep(0); // let the others have a turn
  }
}

function* greedy() {
  for (let chunk = 1; chunk <= 3; chunk++) {
    crunch();
    console.log(`greedy: chunk ${chunk}`);
  }
  yield* sleep(0); // the first time greedy gives up control
  console.log("greedy: done");
}

export function* main() {
  const tasks = [
    createTask(polite("A"), { name: "A" }),
    createTask(polite("B"), { name: "B" }),
    createTask(greedy(), { name: "greedy" }),
  ];
  for (const task of tasks) yield* task;
}
