/** The option and statistics types of StreamReader, and the flow-control contract of its feeder. */
import type { EventLoop } from "@corio/interfaces";

/** asyncio's default line-length limit: 64 KiB. */
export const DEFAULT_LIMIT = 64 * 1024;

/** Flow control a reader asks of whatever feeds it. */
export interface ReadTransport {
  /** Stop delivering data for now (the reader's buffer is full). */
  pauseReading(): void;
  /** Deliver data again. */
  resumeReading(): void;
}

/** Options for {@link StreamReader}. */
export interface StreamReaderOptions {
  /**
   * Longest line (or `readuntil` chunk) accepted, in bytes; the transport pauses past twice this.
   * Default 64 KiB.
   */
  limit?: number;
  /** The loop to wake; default: the running loop. */
  loop?: EventLoop;
}

/** What a reader holds right now (see {@link StreamReader.statistics}). */
export interface StreamReaderStatistics {
  buffered: number;
  limit: number;
  eof: boolean;
  paused: boolean;
  waiting: boolean;
}
