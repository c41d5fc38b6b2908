/** The option and statistics types of StreamReader, and the flow-control contract of its feeder. */
import type { EventLoop } from "@corio/interfaces";

/**
 * asyncio's default line-length limit: 64 KiB.
 *
 * @asyncio `asyncio.streams._DEFAULT_LIMIT` (64 KiB)
 * @example
 * const reader = new StreamReader({ limit: 4 * DEFAULT_LIMIT });
 */
export const DEFAULT_LIMIT = 64 * 1024;

/**
 * Flow control a reader asks of whatever feeds it.
 *
 * @asyncio the `pause_reading` / `resume_reading` of `asyncio.ReadTransport`
 * @example
 * const transport: ReadTransport = {
 *   pauseReading: () => socket.pause(),
 *   resumeReading: () => socket.resume(),
 * };
 */
export interface ReadTransport {
  /** Stop delivering data for now (the reader's buffer is full). */
  pauseReading(): void;
  /** Deliver data again. */
  resumeReading(): void;
}

/**
 * Options for {@link StreamReader}.
 *
 * @asyncio the `limit` and `loop` arguments of `asyncio.StreamReader`
 * @example
 * const reader = new StreamReader({ limit: 1024 });
 */
export interface StreamReaderOptions {
  /**
   * Longest line (or `readuntil` chunk) accepted, in bytes; the transport pauses past twice this.
   * Default 64 KiB.
   */
  limit?: number;
  /** The loop to wake; default: the running loop. */
  loop?: EventLoop;
}

/**
 * What a reader holds right now (see {@link StreamReader.statistics}).
 *
 * @asyncio none: asyncio keeps `_buffer` and `_paused` private
 * @example
 * reader.statistics(); // { buffered: 0, limit: 65536, eof: false, paused: false, waiting: true }
 */
export interface StreamReaderStatistics {
  buffered: number;
  limit: number;
  eof: boolean;
  paused: boolean;
  waiting: boolean;
}
