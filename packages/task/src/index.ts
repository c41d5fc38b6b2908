// The public API of @corio/task: every export, by name (the testing helpers are in ./testing).
export { fromPromise } from "./promise.js";
export { allTasks, createTask, currentTask, type RunOptions, run, taskFactory } from "./run.js";
export { sleep } from "./sleep.js";
export { Task } from "./task.js";
