// @corio/threads: asyncio's to_thread and default executor for corio, on Node worker threads.
export { WorkerCrashedError } from "./errors.js";
export type {
  CancelMode,
  JobOptions,
  ThreadPoolOptions,
  ThreadPoolStatistics,
} from "./options.js";
export { ThreadPool } from "./pool.js";
export {
  defaultThreadPool,
  type ToThreadOptions,
  toThread,
  withTransfer,
} from "./to-thread.js";
