// Turns a run's instrumentation events into drawable lanes: one lane per task, with the spans
// where it sleeps or waits and the instants where it runs, gives up control, is cancelled, ends.
import type { TimelineEvent, TimelineTask } from "../../lib/run-example";

export interface Span {
  from: number;
  to: number;
  wait: "sleep" | "task" | "future" | "tick";
  detail: string;
  /** Still waiting (a live run that is not over). */
  open: boolean;
}

export interface Lane {
  task: TimelineTask;
  start: number;
  end: number;
  spans: Span[];
  /** Times the loop stepped this task (it held control). */
  steps: number[];
  /** Times it gave up control. */
  yields: number[];
  cancels: number[];
}

export function buildLanes(tasks: TimelineTask[], events: TimelineEvent[], now: number): Lane[] {
  const lanes: Lane[] = tasks.map((task) => ({
    task,
    start: task.start,
    end: task.end ?? now,
    spans: [],
    steps: [],
    yields: [],
    cancels: [],
  }));
  const open = new Map<number, Span>();
  for (const e of events) {
    const lane = lanes[e.task];
    if (lane === undefined) continue;
    const pending = open.get(e.task);
    if (e.kind === "step" || e.kind === "done") {
      if (pending) {
        pending.to = e.t;
        pending.open = false;
        open.delete(e.task);
      }
      if (e.kind === "step") lane.steps.push(e.t);
    } else if (e.kind === "yield") {
      lane.yields.push(e.t);
      const span: Span = {
        from: e.t,
        to: now,
        wait: e.wait ?? "future",
        detail: e.detail ?? "",
        open: true,
      };
      lane.spans.push(span);
      open.set(e.task, span);
    } else if (e.kind === "cancel") {
      lane.cancels.push(e.t);
    }
  }
  return lanes;
}

/** Round tick steps for an axis of `max` ms: at most about eight ticks. */
export function tickStep(max: number): number {
  const steps = [1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000];
  for (const s of steps) if (max / s <= 8) return s;
  return 10 ** Math.ceil(Math.log10(max / 8));
}

export function formatSeconds(ms: number, step = 1000): string {
  const digits = step >= 1000 ? (ms % 1000 === 0 ? 0 : 1) : step >= 100 ? 1 : step >= 10 ? 2 : 3;
  return (ms / 1000).toFixed(digits);
}
