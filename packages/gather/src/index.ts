export { type AsCompletedOptions, asCompleted } from "./as-completed.js";
export {
  type GatherOptions,
  type GatherResults,
  type GatherSettledResults,
  gather,
  gatherAll,
  type ResultOf,
} from "./gather.js";
export {
  ALL_COMPLETED,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  type ReturnWhen,
  type WaitOptions,
  type WaitResult,
  wait,
} from "./wait.js";
