// Runs one docs example under corio's run() and records what a reader needs to see it: the lines
// it printed (with their loop time) and a timeline built from the loop's instrumentation.
// The same module runs at build time in Node (virtual clock) and in the reader's browser (real
// clock, scaled), so the page's build-time output and its Run button go through identical code.
import {
  type Coroutine,
  type EventLoopLike,
  getRunningLoopOrNull,
  run,
  type TaskLike,
} from "corio";

/** One line an example printed with console.log, at loop time `t` (ms from the start). */
export interface OutputLine {
  t: number;
  text: string;
  /** Id of the task that printed it (see {@link TimelineTask.id}), or -1 outside a task. */
  task: number;
}

/** A task seen by the instrumentation. */
export interface TimelineTask {
  id: number;
  name: string;
  start: number;
  /** Loop time it finished, or null while it is still alive. */
  end: number | null;
  outcome: "ok" | "error" | "cancelled" | null;
}

/** What happened to a task at loop time `t`. */
export interface TimelineEvent {
  t: number;
  task: number;
  /**
   * `step`: the loop resumed it; `yield`: it gave up control, waiting on `detail`;
   * `cancel`: cancel() was requested; `done`: it finished.
   */
  kind: "step" | "yield" | "cancel" | "done";
  /** For `yield`: what it waits on (`sleep(1000)`, `task Task-2`, `next iteration`). */
  detail?: string;
  /** For `yield`: the kind of wait, which picks the bar's colour. */
  wait?: "sleep" | "task" | "future" | "tick";
}

/** Everything a page shows for one example run. */
export interface ExampleResult {
  name: string;
  clock: "virtual" | "real";
  timeScale: number;
  lines: OutputLine[];
  tasks: TimelineTask[];
  events: TimelineEvent[];
  /** Loop time (ms) when main finished. */
  elapsed: number;
  /** Wall-clock milliseconds the run took. */
  wall: number;
  /** The error main ended with, formatted, or null. */
  error: string | null;
  /**
   * Set by the build for an example that needs Node.js (it imports `node:*` or a Node-only corio
   * package): its page shows the build-time run and no Run button.
   */
  nodeOnly?: boolean;
}

/** Callbacks for watching a run as it happens (the Run button uses them). */
export interface RunWatcher {
  onLine?(line: OutputLine): void;
  onEvent?(event: TimelineEvent, tasks: TimelineTask[]): void;
}

export interface RunExampleOptions extends RunWatcher {
  clock?: "virtual" | "real";
  /**
   * Loop milliseconds per real millisecond. On the virtual clock it paces the run (the Run
   * button): the output is exactly the unpaced one, shown as it happens.
   */
  timeScale?: number;
}

type Main = () => Coroutine<unknown>;

// --- console.log capture ----------------------------------------------------------------------
// One patched console.log serves every run in progress: a call made while a loop runs goes to
// that loop's run, anything else to the original console.log. It is restored when no run is left.

const sinks = new Map<unknown, (text: string) => void>();
let originalLog: ((...args: unknown[]) => void) | null = null;

function capture(loop: unknown, sink: (text: string) => void): () => void {
  if (originalLog === null) {
    const original = console.log;
    originalLog = original;
    console.log = (...args: unknown[]) => {
      const current = getRunningLoopOrNull();
      const target = current === null ? undefined : sinks.get(current);
      if (target === undefined) original.apply(console, args);
      else target(formatArgs(args));
    };
  }
  sinks.set(loop, sink);
  return () => {
    sinks.delete(loop);
    if (sinks.size === 0 && originalLog !== null) {
      console.log = originalLog;
      originalLog = null;
    }
  };
}

/** Formats console.log arguments the way Node prints them, identically in Node and browsers. */
export function formatArgs(args: unknown[]): string {
  let rest = args;
  let head = "";
  if (typeof args[0] === "string" && /%[sdifoOj%]/.test(args[0])) {
    let i = 1;
    head = args[0].replace(/%([sdifoOj%])/g, (m, f: string) => {
      if (f === "%") return "%";
      if (i >= args.length) return m;
      const v = args[i++];
      if (f === "s") return typeof v === "string" ? v : inspect(v, 1);
      if (f === "d" || f === "i") return String(f === "i" ? Math.trunc(Number(v)) : Number(v));
      if (f === "f") return String(Number(v));
      return inspect(v, 0);
    });
    rest = args.slice(i);
    return [head, ...rest.map((a) => (typeof a === "string" ? a : inspect(a, 0)))].join(" ");
  }
  return rest.map((a) => (typeof a === "string" ? a : inspect(a, 0))).join(" ");
}

function inspect(value: unknown, depth: number): string {
  if (typeof value === "string") return depth === 0 ? value : `'${value.replace(/'/g, "\\'")}'`;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined || value === null || typeof value === "boolean") return String(value);
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "function") return `[Function: ${value.name || "(anonymous)"}]`;
  if (value instanceof Error) {
    return value.message ? `${value.name}: ${value.message}` : value.name;
  }
  if (depth > 2) return Array.isArray(value) ? "[Array]" : "[Object]";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[ ${value.map((v) => inspect(v, depth + 1)).join(", ")} ]`;
  }
  if (value instanceof Map) {
    const items = [...value].map(
      ([k, v]) => `${inspect(k, depth + 1)} => ${inspect(v, depth + 1)}`,
    );
    return `Map(${value.size}) {${items.length ? ` ${items.join(", ")} ` : ""}}`;
  }
  if (value instanceof Set) {
    const items = [...value].map((v) => inspect(v, depth + 1));
    return `Set(${value.size}) {${items.length ? ` ${items.join(", ")} ` : ""}}`;
  }
  const ctor = (value as object).constructor;
  const own = Object.keys(value as object);
  const prefix = ctor && ctor !== Object && ctor.name ? `${ctor.name} ` : "";
  if (own.length === 0) {
    const str = String(value);
    return prefix && str !== "[object Object]" ? str : `${prefix}{}`;
  }
  const body = own
    .map((k) => {
      const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`;
      return `${key}: ${inspect((value as Record<string, unknown>)[k], depth + 1)}`;
    })
    .join(", ");
  return `${prefix}{ ${body} }`;
}

// --- the run ------------------------------------------------------------------------------------

function describeWait(awaiting: unknown): { detail: string; wait: TimelineEvent["wait"] } {
  if (awaiting === null || awaiting === undefined)
    return { detail: "next iteration", wait: "tick" };
  const a = awaiting as { getName?: () => string; label?: string };
  if (typeof a.getName === "function") return { detail: `task ${a.getName()}`, wait: "task" };
  const label = typeof a.label === "string" ? a.label : "";
  if (label.startsWith("sleep")) return { detail: label, wait: "sleep" };
  return { detail: label || "a future", wait: "future" };
}

const now = (): number =>
  typeof performance !== "undefined" && typeof performance.now === "function"
    ? performance.now()
    : Date.now();

/**
 * Runs `main` on a fresh loop with `run()`, capturing console.log and the task timeline.
 * Never rejects: an error main ends with is recorded in `error`.
 */
export async function runExample(
  name: string,
  main: Main,
  options: RunExampleOptions = {},
): Promise<ExampleResult> {
  const clock = options.clock ?? "virtual";
  const timeScale = options.timeScale ?? 1;
  const result: ExampleResult = {
    name,
    clock,
    timeScale,
    lines: [],
    tasks: [],
    events: [],
    elapsed: 0,
    wall: 0,
    error: null,
  };
  const ids = new WeakMap<object, number>();
  let loopRef: EventLoopLike | null = null;
  let t0 = 0;
  let mainDoneAt: number | null = null;
  let release: (() => void) | null = null;
  const at = () => (loopRef === null ? 0 : Math.max(0, loopRef.time() - t0));
  const idOf = (task: TaskLike<unknown>) => ids.get(task) ?? -1;
  const emit = (event: TimelineEvent) => {
    result.events.push(event);
    options.onEvent?.(event, result.tasks);
  };

  const wallStart = now();
  try {
    await run(main, {
      clock,
      ...(options.timeScale !== undefined ? { timeScale } : {}),
      setup(loop) {
        loopRef = loop;
        t0 = loop.time();
        release = capture(loop, (text) => {
          const current = loop.currentTask();
          const line = { t: at(), text, task: current === null ? -1 : idOf(current) };
          result.lines.push(line);
          options.onLine?.(line);
        });
        loop.addInstrument({
          taskCreated(task) {
            const id = result.tasks.length;
            ids.set(task, id);
            const raw = task.getName();
            // run() names its main task like any other; "main" says what it is.
            const label = id === 0 && /^Task-\d+$/.test(raw) ? "main" : raw;
            result.tasks.push({ id, name: label, start: at(), end: null, outcome: null });
          },
          stepStarted(task) {
            emit({ t: at(), task: idOf(task), kind: "step" });
          },
          taskSuspended(task, awaiting) {
            emit({ t: at(), task: idOf(task), kind: "yield", ...describeWait(awaiting) });
          },
          cancelRequested(task) {
            emit({ t: at(), task: idOf(task), kind: "cancel" });
          },
          taskDone(task) {
            const id = idOf(task);
            const t = at();
            const record = result.tasks[id];
            if (record !== undefined) {
              record.end = t;
              const failed =
                !task.cancelled() && (task as { exception?: () => unknown }).exception?.() != null;
              record.outcome = task.cancelled() ? "cancelled" : failed ? "error" : "ok";
            }
            if (id === 0) mainDoneAt = t;
            emit({ t, task: id, kind: "done" });
          },
        });
      },
    });
  } catch (error) {
    result.error = error instanceof Error ? formatArgs([error]) : `Uncaught ${formatArgs([error])}`;
  } finally {
    (release as (() => void) | null)?.();
  }
  result.wall = now() - wallStart;
  result.elapsed = mainDoneAt ?? at();
  return result;
}
