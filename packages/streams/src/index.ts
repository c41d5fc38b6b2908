export {
  type OpenConnectionOptions,
  type OpenUnixConnectionOptions,
  openConnection,
  openUnixConnection,
} from "./connection.js";
export { IncompleteReadError, LimitOverrunError } from "./errors.js";
export {
  type ReaderFromStreamOptions,
  readerFromStream,
  type WriterFromStreamOptions,
  writerFromStream,
} from "./node-stream.js";
export { StreamReader } from "./reader.js";
export {
  DEFAULT_LIMIT,
  type ReadTransport,
  type StreamReaderOptions,
  type StreamReaderStatistics,
} from "./reader-types.js";
export {
  type ClientConnected,
  Server,
  type SocketAddress,
  type StartServerOptions,
  type StartUnixServerOptions,
  startServer,
  startUnixServer,
} from "./server.js";
export { StreamWriter, type StreamWriterOptions } from "./writer.js";
