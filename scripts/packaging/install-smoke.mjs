// Installs ONE package into an empty project with plain npm, from the local tarballs only (no
// workspace links, registry unreachable, empty cache), then runs a smoke script as ESM and as
// CJS and checks node_modules holds exactly that package and what it declares.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sh } from "./lib.mjs";

// Each smoke body gets the package's module object as `m` (and `dep(name)` for its own
// dependencies) and must finish without throwing. It runs once as ESM and once as CJS.
const SMOKES = {
  "@corio/queue": `
    const { Queue, LifoQueue, PriorityQueue } = m;
    const { QueueEmpty, QueueFull } = await dep("@corio/interfaces");
    const q = new Queue(2);
    q.putNowait("a");
    q.putNowait("b");
    check(q.full() && q.qsize() === 2, "a queue of 2 is full after two puts");
    try { q.putNowait("c"); check(false, "putNowait on a full queue throws"); }
    catch (e) { check(e instanceof QueueFull, "QueueFull from the queue's own copy of interfaces"); }
    check(q.getNowait() === "a" && q.getNowait() === "b", "FIFO order");
    try { q.getNowait(); check(false, "getNowait on an empty queue throws"); }
    catch (e) { check(e instanceof QueueEmpty, "QueueEmpty"); }
    const lifo = new LifoQueue(); lifo.putNowait(1); lifo.putNowait(2);
    check(lifo.getNowait() === 2, "LifoQueue");
    const pq = new PriorityQueue(); pq.putNowait(3); pq.putNowait(1);
    check(pq.getNowait() === 1, "PriorityQueue");
    check(typeof q.statistics().waitingGetters === "number", "statistics()");
  `,
  "@corio/sync": `
    const { Lock, Semaphore, BoundedSemaphore, Barrier, BrokenBarrierError, Event } = m;
    const { CorioError } = await dep("@corio/interfaces");
    const lock = new Lock();
    const step = lock.acquire().next(); // a free lock is taken without waiting, no loop needed
    check(step.done === true && step.value === true && lock.locked(), "Lock.acquire() on a free lock");
    lock.release();
    check(!lock.locked(), "Lock.release()");
    const sem = new BoundedSemaphore(1);
    try { sem.release(); check(false, "over-release throws"); }
    catch (e) { check(e instanceof RangeError, "BoundedSemaphore over-release is a RangeError"); }
    check(new Semaphore(3).statistics().value === 3, "Semaphore.statistics()");
    const err = new BrokenBarrierError("x");
    check(err instanceof CorioError && err.name === "BrokenBarrierError", "branded BrokenBarrierError");
    check(new Barrier(2).parties === 2, "Barrier");
    const ev = new Event(); ev.set();
    check(ev.isSet(), "Event.set()");
  `,
  "@corio/streams": `
    const { openConnection, startServer, IncompleteReadError, LimitOverrunError, readerFromStream } = m;
    const { CorioError } = await dep("@corio/interfaces");
    try { openConnection("127.0.0.1", 70000); check(false, "a bad port throws"); }
    catch (e) { check(e instanceof RangeError && /port must be an integer 1-65535/.test(e.message), "port checked before any I/O"); }
    try { startServer("nope", "127.0.0.1", 0); check(false, "a bad callback throws"); }
    catch (e) { check(e instanceof TypeError, "clientConnected checked"); }
    const err = new IncompleteReadError(Buffer.from("ab"), 5);
    check(err instanceof CorioError && err.partial.length === 2 && err.expected === 5, "IncompleteReadError");
    check(new LimitOverrunError("x", 3).consumed === 3, "LimitOverrunError");
    check(typeof readerFromStream === "function", "readerFromStream is exported");
  `,
  corio: `
    const { run, createTask, sleep, Lock, Queue, gather } = m;
    const log = [];
    const result = await run(function* () {
      const lock = new Lock();
      const q = new Queue();
      function* worker(name) {
        yield* lock.acquire();
        try { log.push(name + " in"); yield* sleep(100); q.putNowait(name); }
        finally { lock.release(); }
      }
      const tasks = [createTask(worker("a")), createTask(worker("b"))];
      for (const t of tasks) yield* t;
      return [q.getNowait(), q.getNowait()];
    }, { clock: "virtual" });
    check(JSON.stringify(result) === '["a","b"]', "run() with a Lock and a Queue");
    check(JSON.stringify(log) === '["a in","b in"]', "the lock serialised the workers");
    check(typeof gather === "function", "gather is exported");
    // Node prints an uncaught error under its constructor's name: a bundled class that names
    // itself in its body would print as "_DeadlockError".
    for (const [name, value] of Object.entries(m)) {
      if (typeof value === "function" && /(Error|Group|Interrupt)$/.test(name)) {
        check(value.name === name, "class " + name + " keeps its name once built (got " + value.name + ")");
      }
    }
  `,
};

function smokeFile(kind, name, body) {
  const head =
    kind === "esm"
      ? `import * as m from ${JSON.stringify(name)};\nconst dep = (n) => import(n);\n`
      : `const m = require(${JSON.stringify(name)});\nconst dep = async (n) => require(n);\n`;
  return `${head}function check(ok, what) { if (!ok) throw new Error("smoke check failed: " + what); }
(async () => {
${body}
  console.log(${JSON.stringify(`${kind} ok`)});
})().catch((e) => { console.error(e); process.exit(1); });
`;
}

/** The package and every @corio package it depends on, transitively. */
export function closure(name, manifests) {
  const out = new Set();
  const visit = (n) => {
    if (out.has(n)) return;
    out.add(n);
    const deps = manifests.get(n)?.dependencies ?? {};
    for (const d of Object.keys(deps)) if (d === "corio" || d.startsWith("@corio/")) visit(d);
  };
  visit(name);
  return out;
}

/**
 * Installs `name` into `dir` from `tarballs`; returns { installed, expected, esm, cjs }.
 * Throws if npm tries the registry, a smoke run fails, or node_modules holds anything else.
 */
export function installAndSmoke(name, tarballs, manifests, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "corio-smoke", version: "0.0.0", private: true }, null, 2)}\n`,
  );
  const needed = [...closure(name, manifests)];
  const env = {
    ...process.env,
    // Nothing may come from a registry: point it at a closed port and start from an empty cache.
    npm_config_registry: "http://127.0.0.1:9/",
    npm_config_cache: join(dir, ".npm-cache"),
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  };
  sh(
    "npm",
    [
      "install",
      "--offline",
      "--no-package-lock",
      "--ignore-scripts",
      "--loglevel=error",
      ...needed.map((n) => tarballs.get(n)),
    ],
    { cwd: dir, env },
  );
  // What node_modules holds, besides npm's own bookkeeping.
  const nm = join(dir, "node_modules");
  const installed = [];
  for (const entry of readdirSync(nm)) {
    if (entry.startsWith(".")) continue;
    if (entry.startsWith("@")) {
      for (const sub of readdirSync(join(nm, entry))) installed.push(`${entry}/${sub}`);
    } else installed.push(entry);
  }
  installed.sort();
  const expected = needed.slice().sort();
  if (JSON.stringify(installed) !== JSON.stringify(expected)) {
    throw new Error(
      `node_modules for ${name} holds ${installed.join(", ")}; expected exactly ${expected.join(", ")}`,
    );
  }
  // Installed from the tarballs, not linked: each is a real directory with a dist/.
  for (const n of needed) {
    const pkg = JSON.parse(readFileSync(join(nm, n, "package.json"), "utf8"));
    for (const [dep, range] of Object.entries(pkg.dependencies ?? {})) {
      if (String(range).startsWith("workspace:")) {
        throw new Error(`${n} was packed with ${dep}@${range}: pack with pnpm, not npm`);
      }
    }
  }
  const body = SMOKES[name];
  if (body === undefined) throw new Error(`no smoke script for ${name}`);
  writeFileSync(join(dir, "smoke.mjs"), smokeFile("esm", name, body));
  writeFileSync(join(dir, "smoke.cjs"), smokeFile("cjs", name, body));
  const esm = sh(process.execPath, ["smoke.mjs"], { cwd: dir }).stdout.trim();
  const cjs = sh(process.execPath, ["smoke.cjs"], { cwd: dir }).stdout.trim();
  return { installed, expected, esm, cjs };
}

export const SMOKE_TARGETS = Object.keys(SMOKES);
