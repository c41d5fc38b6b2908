// ThreadPool on real worker threads: bounded reuse, map, shutdown(wait), cancellation by abandon
// or terminate, crash replacement, and nothing left behind once run() returns.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CancelledError, getRunningLoop, RuntimeError } from "@corio/interfaces";
import { createTask, run, sleep } from "@corio/task";
import { describe, expect, it } from "vitest";
import { defaultThreadPool, ThreadPool, toThread, WorkerCrashedError } from "../src/index.js";
import { allExited, flag, release, WORK, workersExited } from "./helpers.js";

describe("a bounded pool of reused workers", () => {
  it("never runs more than maxWorkers at once; the rest queue", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 2 });
      const jobs = [1, 2, 3, 4, 5, 6].map((i) => pool.submit<number>(WORK, "spin", [5, i]));
      expect(pool.statistics()).toEqual({
        maxWorkers: 2,
        workers: 2,
        busy: 2,
        idle: 0,
        queued: 4,
        shutdown: false,
      });
      const results: number[] = [];
      for (const job of jobs) results.push(yield* job);
      expect(results).toEqual([1, 2, 3, 4, 5, 6]);
      expect(pool.statistics()).toMatchObject({ workers: 2, idle: 2, busy: 0, queued: 0 });
      yield* pool.shutdown();
    }));

  it("map returns results in the order of the items", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 3 });
      expect(yield* pool.map(WORK, "fib", [10, 1, 20, 5])).toEqual([55, 1, 6765, 5]);
      yield* pool.shutdown();
    }));

  it("map stops at the first failing item and cancels the jobs still queued", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      const op = pool.map(WORK, "failRange", [11, 12, 13]);
      let error: unknown;
      try {
        yield* op;
      } catch (e) {
        error = e;
      }
      expect((error as Error).message).toBe("n must be below 10, got 11");
      yield* sleep(0); // the cancelled futures' callbacks run on the next iteration
      expect(pool.statistics().queued).toBe(0);
      yield* pool.shutdown();
    }));
});

describe("shutdown(wait)", () => {
  it("shutdown(true) waits for running and queued jobs, then for every worker to exit", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      const a = pool.submit(WORK, "spin", [10, "a"]);
      const b = pool.submit(WORK, "add", ["b", "!"]);
      yield* pool.shutdown(true);
      expect([a.result(), b.result()]).toEqual(["a", "b!"]);
      expect(pool.statistics()).toMatchObject({ workers: 0, busy: 0, idle: 0, shutdown: true });
    }));

  it("shutdown(false) returns at once; the jobs still finish and the workers then exit", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      const a = pool.submit(WORK, "spin", [10, "a"]);
      yield* pool.shutdown(false);
      expect(a.done()).toBe(false);
      expect(yield* a).toBe("a");
      yield* workersExited(pool);
      expect(pool.statistics().workers).toBe(0);
    }));

  it("cancelFutures cancels the queued jobs and lets the running one finish", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      const running = pool.submit(WORK, "spin", [10, "ran"]);
      const queued = pool.submit(WORK, "add", [1, 1]);
      yield* pool.shutdown(true, { cancelFutures: true });
      expect(queued.cancelled()).toBe(true);
      expect(running.result()).toBe("ran");
    }));

  it("submit after shutdown is asyncio's RuntimeError", () =>
    run(function* () {
      const pool = new ThreadPool();
      pool.shutdown(false);
      expect(() => pool.submit(WORK, "add", [1, 2])).toThrow(
        new RuntimeError("cannot schedule new futures after shutdown"),
      );
      expect(() => pool.submit(WORK, "add")).toThrow(RuntimeError);
      expect(() => pool.shutdown("yes" as never)).toThrow(
        "ThreadPool.shutdown(wait): wait must be a boolean, got string",
      );
    }));
});

describe("cancelling a job", () => {
  it("a queued job is dropped and never runs, whatever the mode", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      const f = flag();
      const first = pool.submit(WORK, "waitFor", [f, "first"]);
      const second = pool.submit(WORK, "waitFor", [f, "second"], { onCancel: "terminate" });
      second.cancel();
      yield* sleep(0);
      expect(pool.statistics()).toMatchObject({ queued: 0, busy: 1, workers: 1 });
      release(f);
      expect(yield* first).toBe("first");
      expect(Atomics.load(f, 1)).toBe(1); // only the first job ran
      yield* pool.shutdown();
    }));

  it("abandon: the task is cancelled at once, the job runs to its end on the same worker", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      const f = flag();
      const log: string[] = [];
      const before = yield* pool.submit(WORK, "threadId");
      const task = createTask(toThread(WORK, "waitFor", [f, "late"], { pool }));
      yield* sleep(0);
      task.cancel();
      try {
        yield* task;
      } catch (error) {
        log.push(`task ${error instanceof CancelledError ? "cancelled" : String(error)}`);
      }
      log.push(`busy ${pool.statistics().busy}, finished ${Atomics.load(f, 1)}`);
      release(f);
      const after = yield* pool.submit(WORK, "threadId"); // queued behind the abandoned job
      log.push(`finished ${Atomics.load(f, 1)}, same worker ${after === before}`);
      expect(log).toEqual(["task cancelled", "busy 1, finished 0", "finished 1, same worker true"]);
      yield* pool.shutdown();
    }));

  it("terminate: the task is cancelled at once, the worker is killed and a new one takes over", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1, onCancel: "terminate" });
      const f = flag();
      const log: string[] = [];
      const before = yield* pool.submit(WORK, "threadId");
      const task = createTask(toThread(WORK, "waitFor", [f, "never"], { pool }));
      yield* sleep(0);
      task.cancel();
      try {
        yield* task;
      } catch (error) {
        log.push(`task ${error instanceof CancelledError ? "cancelled" : String(error)}`);
      }
      log.push(`busy ${pool.statistics().busy}`);
      const after = yield* pool.submit(WORK, "threadId");
      release(f);
      log.push(`finished ${Atomics.load(f, 1)}, same worker ${after === before}`);
      expect(log).toEqual(["task cancelled", "busy 0", "finished 0, same worker false"]);
      yield* pool.shutdown();
      expect(Atomics.load(f, 1)).toBe(0); // the killed job never reached its end
    }));

  it("terminate: a job queued behind the killed one starts on the replacement", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1, onCancel: "terminate" });
      const f = flag();
      const blocked = pool.submit(WORK, "waitFor", [f, "never"]);
      const queued = pool.submit<number>(WORK, "add", [40, 2]);
      expect(pool.statistics().queued).toBe(1);
      blocked.cancel();
      expect(yield* queued).toBe(42);
      expect(pool.statistics()).toMatchObject({ busy: 0, queued: 0 });
      yield* pool.shutdown();
      expect(Atomics.load(f, 1)).toBe(0);
    }));

  it("a job's own onCancel overrides the pool's", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1, onCancel: "terminate" });
      const f = flag();
      const job = pool.submit(WORK, "waitFor", [f, "x"], { onCancel: "abandon" });
      yield* sleep(0);
      job.cancel();
      yield* sleep(0);
      expect(pool.statistics()).toMatchObject({ busy: 1, workers: 1 });
      release(f);
      yield* pool.shutdown();
      expect(Atomics.load(f, 1)).toBe(1);
    }));
});

describe("a worker that crashes", () => {
  it("fails its job with WorkerCrashedError and is replaced for the next job", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      const first = yield* pool.submit(WORK, "threadId");
      let error: unknown;
      try {
        yield* pool.submit(WORK, "crash");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WorkerCrashedError);
      expect((error as WorkerCrashedError).exitCode).toBe(7);
      expect((error as Error).message).toMatch(
        /^the worker thread running crash\(\) from file:.*work\.mjs exited with code 7 before the job finished; the pool replaces it$/,
      );
      expect(yield* pool.submit(WORK, "add", [2, 2])).toBe(4);
      expect(yield* pool.submit(WORK, "threadId")).not.toBe(first);
      expect(pool.statistics()).toMatchObject({ workers: 1, idle: 1 });
      yield* pool.shutdown();
    }));

  it("an uncaught error outside the job is the crash's cause", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      let error: unknown;
      try {
        yield* pool.submit(WORK, "crashLater");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WorkerCrashedError);
      expect((error as Error).message).toMatch(/: Error: boom outside the job; the pool replaces/);
      expect(((error as Error).cause as Error).message).toBe("boom outside the job");
      yield* pool.shutdown();
    }));

  it("a job queued behind a crashing one runs on the replacement", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      const crashing = pool.submit(WORK, "crash");
      const next = pool.submit(WORK, "add", [1, 2]);
      crashing.addDoneCallback(() => {}); // retrieved below
      expect(yield* next).toBe(3);
      expect(crashing.exception()).toBeInstanceOf(WorkerCrashedError);
      yield* pool.shutdown();
    }));
});

describe("nothing outlives run()", () => {
  it("the default pool's workers are terminated when run() closes the loop", async () => {
    let pool: ThreadPool | undefined;
    await run(function* () {
      pool = defaultThreadPool();
      yield* toThread(WORK, "add", [1, 2]);
      expect(pool.statistics()).toMatchObject({ workers: 1, idle: 1 });
    });
    // Terminated as the loop closed (the thread exits a moment later, on its own).
    expect(pool!.statistics()).toMatchObject({ idle: 0, busy: 0, shutdown: true });
    await allExited(pool!);
  });

  it("an abandoned job still running at the end of run() is killed, not waited for", async () => {
    const f = flag();
    let pool: ThreadPool | undefined;
    await run(function* () {
      pool = defaultThreadPool();
      createTask(toThread(WORK, "waitFor", [f, "never"]));
      yield* sleep(0);
    });
    expect(pool!.statistics()).toMatchObject({ busy: 0, idle: 0 });
    await allExited(pool!);
    release(f);
    expect(Atomics.load(f, 1)).toBe(0);
  });

  it("a pool of your own loses its workers when the loop closes, and works in the next run", async () => {
    const pool = new ThreadPool({ maxWorkers: 2 });
    await run(function* () {
      yield* pool.map(WORK, "fib", [5, 6]);
      expect(pool.statistics().workers).toBe(2);
    });
    expect(pool.statistics()).toMatchObject({ busy: 0, idle: 0 });
    await allExited(pool);
    expect(pool.statistics().shutdown).toBe(false);
    const again = await run(() => pool.map(WORK, "fib", [7]));
    expect(again).toEqual([13]);
    await allExited(pool);
  });

  it("a process whose run() left a job blocked forever still exits on its own", async () => {
    const { code, out } = await runChild(
      fileURLToPath(new URL("./fixtures/exit-check.ts", import.meta.url)),
    );
    expect({ code, out }).toEqual({ code: 0, out: "run() returned 3" });
  }, 30_000);

  it("an idle worker does not keep the process alive, even if the loop is never closed", async () => {
    const { code, out } = await runChild(
      fileURLToPath(new URL("./fixtures/idle-exit.ts", import.meta.url)),
    );
    expect({ code, out }).toEqual({ code: 0, out: "job returned 3, 1 idle worker" });
  }, 30_000);

  it("works in a process started with --input-type=module, whose flags the workers inherit", async () => {
    const src = fileURLToPath(new URL("../src/index.ts", import.meta.url));
    const code = [
      `import { run } from "@corio/task";`,
      `import { toThread } from ${JSON.stringify(src)};`,
      `const work = new URL(${JSON.stringify(WORK.href)});`,
      `console.log(await run(() => toThread(work, "add", [20, 22])));`,
    ].join("\n");
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    const code_ = await new Promise<number | null>((resolve) => child.on("close", resolve));
    clearTimeout(timer);
    expect({ code: code_, out: out.trim() }).toEqual({ code: 0, out: "42" });
  }, 30_000);

  it("the pending job shows in the loop's task listing while it runs", () =>
    run(function* () {
      const job = createTask(toThread(WORK, "spin", [10, 1]));
      yield* sleep(0);
      const loop = getRunningLoop() as unknown as { formatTasks(): string };
      expect(loop.formatTasks()).toContain("spin() on a worker thread");
      yield* job;
    }));
});

/** Runs a TypeScript file in a child `node --import tsx`; what it printed and its exit code. */
async function runChild(file: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", file], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 25_000); // generous: a loaded machine
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearTimeout(timer);
  return { code, out: out.trim() };
}
