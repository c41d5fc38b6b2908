export { Future } from "./future.js";
export { Handle, TimerHandle } from "./handles.js";
export { type ClockKind, EventLoop, type EventLoopOptions, type LoopStatistics } from "./loop.js";
export type { TimerEntry } from "./timer-heap.js";
