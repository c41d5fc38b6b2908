// The public API of @corio/interfaces: every export, by name.
export type { Clock } from "./clock.js";
export { describeValue, messageText } from "./describe.js";
export {
  CancelledError,
  CorioError,
  DeadlockError,
  InvalidStateError,
  isCancelledError,
  KeyboardInterrupt,
  LookupError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  RuntimeError,
  TimeoutError,
} from "./errors.js";
export type {
  EventLoop,
  EventLoopLike,
  ExceptionContext,
  ExceptionHandler,
  Handle,
  HandleLike,
  LoopInstrument,
  TaskFactory,
  TimerHandle,
  TimerHandleLike,
} from "./loop.js";
export type {
  CallbackOptions,
  ContextLike,
  Coroutine,
  DoneCallback,
  Future,
  FutureLike,
  Operation,
  SettableFutureLike,
  TaskLike,
  TaskOptions,
  Yielded,
} from "./protocol.js";
export { isCoroutine, isFutureLike, YIELD_NOW } from "./protocol.js";
export type { QueueLike, QueueStatistics } from "./queue.js";
export { getRunningLoop, getRunningLoopOrNull, setRunningLoop } from "./registry.js";
export type {
  ContextCarrier,
  ContextSlot,
  TaskHost,
  TaskRegistry,
  TimerEntry,
  Waker,
} from "./task-host.js";
export { getTaskHost, TASK_HOST } from "./task-host.js";
