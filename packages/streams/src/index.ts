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
export {
  DEFAULT_LIMIT,
  type ReadTransport,
  StreamReader,
  type StreamReaderOptions,
  type StreamReaderStatistics,
} from "./reader.js";
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
