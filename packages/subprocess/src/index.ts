/**
 * @corio/subprocess: asyncio's subprocesses for corio coroutines (Node.js only). The pipes are
 * `@corio/streams`' StreamReader / StreamWriter; their classes, errors and `DEFAULT_LIMIT` are
 * re-exported here so `proc.stdout` can be typed and its errors caught without a second import.
 */
export {
  DEFAULT_LIMIT,
  IncompleteReadError,
  LimitOverrunError,
  StreamReader,
  StreamWriter,
} from "@corio/streams";
export { ProcessLookupError } from "./errors.js";
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
