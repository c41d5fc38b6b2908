export { fromPromise } from "./promise.js";
export { allTasks, createTask, currentTask, type RunOptions, run, taskFactory } from "./run.js";
export { sleep } from "./sleep.js";
export { Task } from "./task.js";
