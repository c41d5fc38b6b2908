// Floors: what the JavaScript engine itself charges for the shape of a workload, with no corio
// (and no loop) at all. Where a target is out of reach, these numbers are the reason: corio's
// program cannot run faster than the bare generators and errors it is made of.
//
//   pnpm --filter @corio/bench floors            # n as in the workloads
//   pnpm --filter @corio/bench floors --n 1000   # a quick look
//
// W5 floor: n generators parked inside `try { yield* op } finally {}`, each resumed with an error
// thrown from the innermost iterator (where corio's future reads its result), which unwinds
// through the `finally` to the driver. W3 floor: one producer and one consumer generator moving n
// items through `yield*` of operations that never suspend, against a plain array. The W3 floor
// allocates no operation object at all, where corio's put() and get() make one each.
import { performance } from "node:perf_hooks";

const argN = process.argv.indexOf("--n");
const scale = argN >= 0 ? Number(process.argv[argN + 1]) : 0;
if (argN >= 0 && !(Number.isInteger(scale) && scale > 0)) {
  throw new RangeError(`--n must be a positive integer, got ${process.argv[argN + 1]}`);
}

class FloorCancelled extends Error {}

/** One step of a parked generator: yields once, then on resume throws what `makeError` makes. */
function parkedOn(makeError: () => Error): Iterator<number, void> & Iterable<number> {
  let parked = false;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      if (!parked) {
        parked = true;
        return { done: false, value: 0 };
      }
      throw makeError();
    },
  };
}

function w5(n: number, label: string, makeError: () => Error, useReturn = false): number {
  let finallies = 0;
  function* parked() {
    try {
      yield* parkedOn(makeError);
    } finally {
      finallies++;
    }
  }
  const gens: Generator<number, void>[] = [];
  for (let i = 0; i < n; i++) {
    const g = parked();
    g.next();
    gens.push(g);
  }
  const t0 = performance.now();
  let caught = 0;
  for (const g of gens) {
    if (useReturn) {
      g.return();
      continue;
    }
    try {
      g.next();
    } catch {
      caught++;
    }
  }
  const ms = performance.now() - t0;
  if (finallies !== n || (!useReturn && caught !== n)) throw new Error(`W5 floor ${label}: wrong`);
  return ms;
}

function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function w3(n: number): number {
  const buffer: number[] = [];
  const done = { done: true, value: undefined } as IteratorResult<never, undefined>;
  const putOp: Iterable<never> & Iterator<never, undefined> = {
    [Symbol.iterator]() {
      return this;
    },
    next: () => done,
  };
  const getOp: Iterable<never> & Iterator<never, number> = {
    [Symbol.iterator]() {
      return this;
    },
    next: () => ({ done: true, value: buffer.shift() as number }),
  };
  function* producer() {
    for (let i = 0; i < n; i++) {
      buffer.push(i);
      yield* putOp;
      if (buffer.length === 100) yield 0; // full: let the consumer run
    }
  }
  function* consumer() {
    let sum = 0;
    for (let k = 0; k < n; k++) {
      if (buffer.length === 0) yield 0; // empty: let the producer run
      sum += yield* getOp;
    }
    return sum;
  }
  const t0 = performance.now();
  const p = producer();
  const c = consumer();
  let sum = 0;
  for (let pDone = false, cDone = false; !cDone; ) {
    if (!pDone) pDone = p.next().done === true;
    const r = c.next();
    if (r.done) {
      cDone = true;
      sum = r.value;
    }
  }
  const ms = performance.now() - t0;
  if (sum !== (n * (n - 1)) / 2) throw new Error("W3 floor: wrong sum");
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function rate(n: number, ms: number): string {
  const r = (n / ms) * 1000;
  return r >= 1e6 ? `${(r / 1e6).toFixed(2)}M/s` : `${(r / 1e3).toFixed(0)}k/s`;
}

const reps = 5;
const n5 = scale || 100_000;
const n3 = scale || 1_000_000;
const rows: [string, string, string][] = [];
const w5Cases: [string, () => Error, boolean][] = [
  [
    "W5: new error per task, no stack (corio)",
    () => withoutStack(() => new FloorCancelled("")),
    false,
  ],
  ["W5: new error per task, with stack", () => new FloorCancelled(""), false],
  [
    "W5: one shared error for every task",
    (
      (e) => () =>
        e
    )(new FloorCancelled("")),
    false,
  ],
  ["W5: return() instead of an error (no catch)", () => new FloorCancelled(""), true],
];
for (const [label, make, useReturn] of w5Cases) {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) times.push(w5(n5, label, make, useReturn));
  const ms = median(times);
  rows.push([label, `${((ms * 1000) / n5).toFixed(2)} µs`, rate(n5, ms)]);
}
{
  const times: number[] = [];
  for (let r = 0; r < reps; r++) times.push(w3(n3));
  const ms = median(times);
  rows.push([
    "W3: 1/1 through yield* of operations, no allocation",
    `${((ms * 1e6) / n3).toFixed(0)} ns`,
    rate(n3, ms),
  ]);
}
console.log(
  `floors on Node ${process.version}, median of ${reps}, n = ${n5} (W5) and ${n3} (W3)\n`,
);
console.log("| floor | per item | rate |\n|---|---|---|");
for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
