export { Barrier, type BarrierState, type BarrierStatistics } from "./barrier.js";
export { Condition, type ConditionStatistics } from "./condition.js";
export { BrokenBarrierError } from "./errors.js";
export { Event, type EventStatistics } from "./event.js";
export { Lock, type LockLike, type LockStatistics } from "./lock.js";
export { BoundedSemaphore, Semaphore, type SemaphoreStatistics } from "./semaphore.js";
