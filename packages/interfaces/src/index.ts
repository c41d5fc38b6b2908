export { describeValue, messageText } from "./describe.js";
export {
  CancelledError,
  CorioError,
  DeadlockError,
  InvalidStateError,
  isCancelledError,
  KeyboardInterrupt,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  RuntimeError,
  TimeoutError,
} from "./errors.js";
export type {
  EventLoop,
  ExceptionContext,
  ExceptionHandler,
  Handle,
  LoopInstrument,
  TaskFactory,
  TimerHandle,
} from "./loop.js";
export type {
  Coroutine,
  DoneCallback,
  Future,
  FutureLike,
  Operation,
  TaskLike,
  TaskOptions,
  Yielded,
} from "./protocol.js";
export { isCoroutine, isFutureLike, YIELD_NOW } from "./protocol.js";
export type { QueueLike, QueueStatistics } from "./queue.js";
export { getRunningLoop, getRunningLoopOrNull, setRunningLoop } from "./registry.js";
