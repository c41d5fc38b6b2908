export { diffLines, expectBefore, expectOrder, expectTimeline } from "./assert.js";
export type { SuiteApi } from "./contracts/check.js";
export { eventLoopContract, type LoopHarness } from "./contracts/event-loop.js";
export { contractFailures } from "./contracts/failures.js";
export { type QueueContractOptions, queueContract } from "./contracts/queue.js";
export { type FuzzSettings, fuzzSettings, unhandledRejectionsDuring } from "./fuzz.js";
export { type ErrorClass, expectRaises, expectRejects, expectThrows } from "./throws.js";
export {
  formatTrace,
  type RunTracedOptions,
  runTraced,
  type TracedRun,
  type TraceEntry,
  type Tracer,
} from "./trace.js";
