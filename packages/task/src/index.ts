// The public API of @corio/task: every export, by name (the testing helpers are in ./testing).
export { call } from "./call.js";
export { eagerTaskFactory } from "./eager.js";
export { fromPromise } from "./promise.js";
export { allTasks, createTask, currentTask, type RunOptions, run, taskFactory } from "./run.js";
export { Runner, type RunnerOptions } from "./runner.js";
export { sleep } from "./sleep.js";
export { Task } from "./task.js";
