export { cancelOnAbort } from "./cancel-on-abort.js";
export { type ErrorMatcher, ExceptionGroup } from "./exception-group.js";
export { shield } from "./shield.js";
export { TaskGroup, taskGroup } from "./task-group.js";
export type { TaskGroupCancelOptions, TaskGroupOptions } from "./task-group-options.js";
export { Timeout, timeout, timeoutAt } from "./timeout.js";
export { waitFor } from "./wait-for.js";
