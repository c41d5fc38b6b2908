/**
 * @corio/subprocess: asyncio's subprocesses for corio coroutines (Node.js only).
 */
export { IncompleteReadError, LimitOverrunError, ProcessLookupError } from "./errors.js";
export { DEFAULT_LIMIT, StreamReader } from "./pipe-reader.js";
export { StreamWriter } from "./pipe-writer.js";
export { Process, type Signal } from "./process.js";
export {
  createSubprocessExec,
  createSubprocessShell,
  DEVNULL,
  PIPE,
  STDOUT,
  type StdioOption,
  type SubprocessOptions,
} from "./spawn.js";
