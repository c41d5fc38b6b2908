// The public API of @corio/loop: every export, by name.
export { type ClockKind, ManualClock, RealClock, VirtualClock } from "./clocks.js";
export { Context, copyContext } from "./context.js";
export { ContextVar, type ContextVarOptions, Token, type TokenMissing } from "./context-var.js";
export { Future } from "./future.js";
export { Handle, TimerHandle } from "./handles.js";
export { EventLoop } from "./loop.js";
export type { EventLoopOptions, LoopStatistics } from "./options.js";
