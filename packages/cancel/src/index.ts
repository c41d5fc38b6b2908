export { cancelOnAbort } from "./cancel-on-abort.js";
export { type ErrorMatcher, ExceptionGroup } from "./exception-group.js";
export { shield } from "./shield.js";
export {
  TaskGroup,
  type TaskGroupCancelOptions,
  type TaskGroupOptions,
  taskGroup,
} from "./task-group.js";
export { Timeout, timeout, timeoutAt } from "./timeout.js";
export { waitFor } from "./wait-for.js";
