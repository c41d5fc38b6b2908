export { consume } from "./consume.js";
export { LifoQueue } from "./lifo-queue.js";
export { type PriorityKey, PriorityQueue, type PriorityQueueOptions } from "./priority-queue.js";
export { Queue } from "./queue.js";
