// Floors: what the JavaScript engine itself charges for the shape of a workload, with no corio
// (and no loop) at all. Where a target is out of reach, these numbers are the reason: corio's
// program cannot run faster than the bare generators and errors it is made of.
//
//   pnpm --filter @corio/bench floors            # n as in the workloads
//   pnpm --filter @corio/bench floors --n 1000   # a quick look
//   ... floors --json                            # one line of JSON (what `pnpm bench` records)
//
// `pnpm bench` runs it once per run, so the floors on the performance page come from the same run
// as the table.
//
// W5 floor: n generators parked inside `try { yield* op } finally {}`, each resumed with an error
// thrown from the innermost iterator (where corio's future reads its result), which unwinds
// through the `finally` to the driver. W3 floor: one producer and one consumer generator moving n
// items through `yield*` of operations that never suspend, against a plain array. The W3 floor
// allocates no operation object at all, where corio's put() and get() make one each. The W3a-gen
// and W3b-gen floors (1/1 and 4/4) pay what corio's put() and get() pay at the least: every put
// and every get is a `yield*` of a fresh generator, which waits inside itself (yields to the
// driver) while the buffer is full or empty, as a corio operation parks inside itself.
import { performance } from "node:perf_hooks";
import { w6Floor } from "./floor-w6.js";
import { prng } from "./programs/harness.js";
import { type Floor, floorsTable, median } from "./report.js";

class FloorCancelled extends Error {}

/** A task reduced to ten fields: what any task object must hold at the least. */
class BareTask {
  state = 0;
  result: number | undefined = undefined;
  callbacks: unknown = null;
  loop: unknown = null;
  name: unknown = null;
  cancel: unknown = undefined;
  next: unknown = null;
  prev: unknown = null;
  rare: unknown = null;
  constructor(public coro: Generator<never, number> | null) {}

  /** Runs the coroutine to its end (it never waits); `letGo`: drop it, as eager tasks do. */
  step(letGo: boolean): void {
    this.result = this.coro!.next().value;
    this.state = 1;
    if (letGo) this.coro = null;
  }
}

/**
 * W1 and W1e: n generators of a trivial coroutine, each with a BareTask, stepped once, then the
 * results gathered into an array. Lazy (W1): every task is made first, then stepped; eager (W1e):
 * each is stepped as it is made, as corio's eager tasks run inside createTask.
 */
function spawnAndJoin(n: number, eager: boolean): number {
  function* work(i: number) {
    return i * 2;
  }
  const t0 = performance.now();
  const tasks: BareTask[] = [];
  for (let i = 0; i < n; i++) {
    const t = new BareTask(work(i));
    if (eager) t.step(true);
    tasks.push(t);
  }
  if (!eager) for (const t of tasks) t.step(false);
  const results: number[] = [];
  let sum = 0;
  for (const t of tasks) {
    results.push(t.result!);
    sum += t.result!;
  }
  const ms = performance.now() - t0;
  if (sum !== n * (n - 1) || results.length !== n) throw new Error("W1 floor: wrong sum");
  return ms;
}

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

/**
 * W3 with one fresh generator per put and get: k producer and k consumer generators, stepped in
 * turn by a bare round-robin driver, moving n items through a buffer bounded at 100.
 */
function w3gen(n: number, k: number): number {
  const buffer: number[] = [];
  function* put(item: number): Generator<number, void> {
    while (buffer.length >= 100) yield 0; // full: let the others run
    buffer.push(item);
  }
  function* get(): Generator<number, number> {
    while (buffer.length === 0) yield 0; // empty: let the others run
    return buffer.shift() as number;
  }
  function* producer(first: number): Generator<number, number> {
    for (let i = first; i < n; i += k) yield* put(i);
    return 0;
  }
  function* consumer(first: number): Generator<number, number> {
    let sum = 0;
    for (let i = first; i < n; i += k) sum += yield* get();
    return sum;
  }
  const t0 = performance.now();
  const gens: (Generator<number, number> | null)[] = [];
  for (let j = 0; j < k; j++) gens.push(producer(j));
  for (let j = 0; j < k; j++) gens.push(consumer(j));
  let sum = 0;
  for (let live = gens.length; live > 0; ) {
    for (let j = 0; j < gens.length; j++) {
      const g = gens[j];
      if (g == null) continue;
      const r = g.next();
      if (r.done) {
        sum += r.value;
        gens[j] = null;
        live--;
      }
    }
  }
  const ms = performance.now() - t0;
  if (sum !== (n * (n - 1)) / 2) throw new Error(`W3 floor ${k}/${k}: wrong sum`);
  return ms;
}

/** Every floor, by id, in the order `measureFloors` measures them. */
export const FLOOR_IDS = [
  "W1",
  "W1e",
  "W5",
  "W5-stack",
  "W5-shared",
  "W5-return",
  "W3",
  "W3a-gen",
  "W3b-gen",
  "W6",
] as const;

/**
 * Runs every floor (or those in `only`) `reps` times; each entry holds the median. `pnpm bench`
 * runs each floor alone, once, in a fresh process per repetition, as it runs the programs: a
 * floor measured after other floors (or after itself) would be warm where the programs are not.
 */
export function measureFloors(scale = 0, reps = 5, only?: readonly string[]): Floor[] {
  const n1 = scale || 200_000;
  const n5 = scale || 100_000;
  const n3 = scale || 1_000_000;
  const floors: Floor[] = [];
  const add = (id: (typeof FLOOR_IDS)[number], label: string, n: number, run: () => number) => {
    if (only !== undefined && !only.includes(id)) return;
    const times: number[] = [];
    for (let r = 0; r < reps; r++) times.push(run());
    const ms = median(times)!;
    floors.push({ id, label, n, nsPerItem: (ms * 1e6) / n, perSecond: (n / ms) * 1000 });
  };
  add("W1", "W1: a generator and a ten-field task per task, stepped once", n1, () =>
    spawnAndJoin(n1, false),
  );
  add("W1e", "W1e: a generator and a ten-field task per task, run to its end at creation", n1, () =>
    spawnAndJoin(n1, true),
  );
  const shared = new FloorCancelled("");
  add("W5", "W5: a new error per task, no stack (what corio does)", n5, () =>
    w5(n5, "W5", () => withoutStack(() => new FloorCancelled(""))),
  );
  add("W5-stack", "W5: a new error per task, with its stack", n5, () =>
    w5(n5, "W5-stack", () => new FloorCancelled("")),
  );
  add("W5-shared", "W5: one error shared by every task", n5, () =>
    w5(n5, "W5-shared", () => shared),
  );
  add("W5-return", "W5: return() and no throw (closer to how Effect interrupts)", n5, () =>
    w5(n5, "W5-return", () => shared, true),
  );
  add("W3", "W3: 1/1 items through yield* of operations that allocate nothing", n3, () => w3(n3));
  add("W3a-gen", "W3a: 1/1 items, yield* of a fresh generator per put and get", n3, () =>
    w3gen(n3, 1),
  );
  add("W3b-gen", "W3b: 4/4 items, yield* of a fresh generator per put and get", n3, () =>
    w3gen(n3, 4),
  );
  add("W6", "W6: timers in per-delay lists under a heap, half cancelled, fired in order", n3, () =>
    w6Floor(n3, prng(42)),
  );
  return floors;
}

const isMain = process.argv[1] !== undefined && /floors\.[tj]s$/.test(process.argv[1]);
if (isMain) {
  const argN = process.argv.indexOf("--n");
  const scale = argN >= 0 ? Number(process.argv[argN + 1]) : 0;
  if (argN >= 0 && !(Number.isInteger(scale) && scale > 0)) {
    throw new RangeError(`--n must be a positive integer, got ${process.argv[argN + 1]}`);
  }
  const argOnly = process.argv.indexOf("--only");
  const only = argOnly >= 0 ? (process.argv[argOnly + 1] ?? "").split(",") : undefined;
  const unknown = only?.filter((id) => !(FLOOR_IDS as readonly string[]).includes(id)) ?? [];
  if (unknown.length > 0) {
    throw new RangeError(`--only must list floor ids (${FLOOR_IDS.join(", ")}), got ${unknown}`);
  }
  const argReps = process.argv.indexOf("--reps");
  const reps = argReps >= 0 ? Number(process.argv[argReps + 1]) : 5;
  if (!(Number.isInteger(reps) && reps > 0)) {
    throw new RangeError(`--reps must be a positive integer, got ${process.argv[argReps + 1]}`);
  }
  const floors = measureFloors(scale, reps, only);
  if (process.argv.includes("--json")) console.log(JSON.stringify(floors));
  else
    console.log(`floors on Node ${process.version}, median of ${reps}\n\n${floorsTable(floors)}`);
}
