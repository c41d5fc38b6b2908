/**
 * The `trackExternal` token of a loop's waiting stream reads: one token per loop, held while at
 * least one read on a transport (a socket, a pipe) waits for data, instead of one token per wait.
 *
 * Why: a token says "something outside the loop may still schedule work", so a virtual clock does
 * not jump and the loop does not report a deadlock. One token held while any read waits gives
 * exactly the same answers as one per wait, and a protocol that reads once per message (W9's echo:
 * 50 connections, a read per round trip) then pays for a counter per read instead of a token.
 * Each waiting task still shows in task listings with what it waits on (`StreamReader.read()`...).
 */
import type { EventLoop } from "@corio/interfaces";

/** The label task listings show under "outside the loop". */
const LABEL = "stream reads waiting for data";

/** @internal How many reads on transports wait, and the loop's token while any does. */
export class ReadWaits {
  private count = 0;
  private release: (() => void) | null = null;

  constructor(private readonly loop: EventLoop) {}

  /** One more read waits; the first takes the loop's token. */
  enter(): void {
    if (this.count++ === 0) this.release = this.loop.trackExternal(LABEL);
  }

  /** A read stopped waiting; the last one gives the token back. */
  leave(): void {
    if (--this.count === 0) {
      const release = this.release!;
      this.release = null;
      release();
    }
  }
}

const byLoop = new WeakMap<EventLoop, ReadWaits>();

/** @internal The waiting-reads counter of `loop`. */
export function readWaitsOf(loop: EventLoop): ReadWaits {
  let waits = byLoop.get(loop);
  if (waits === undefined) {
    waits = new ReadWaits(loop);
    byLoop.set(loop, waits);
  }
  return waits;
}
