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

const roundSteps = [
  1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000,
  120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
];

/** A round tick step for an axis of `max` ms with at most `ticks` intervals. */
export function tickStep(max: number, ticks = 8): number {
  for (const s of roundSteps) if (max / s <= ticks) return s;
  return 10 ** Math.ceil(Math.log10(max / ticks));
}

/**
 * Seconds with as many decimals as the step needs, the same for every label of an axis: steps of
 * 250 ms read 0.25, 0.50, 0.75 (never 0.3, 0.5, 0.8).
 */
export function formatSeconds(ms: number, step = 1000): string {
  let digits = 0;
  while (
    digits < 3 &&
    Math.abs(Math.round(step / 10 ** (3 - digits)) * 10 ** (3 - digits) - step) > 1e-9
  ) {
    digits++;
  }
  return (ms / 1000).toFixed(digits);
}
