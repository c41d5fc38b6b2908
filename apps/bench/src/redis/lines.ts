// Waits for a given line on a stream (the benchmark's parent talks to its consumers on stdin).
import type { Readable } from "node:stream";

export function lineFrom(stream: Readable, line: string): Promise<void> {
  return new Promise((resolve) => {
    let buf = "";
    const onData = (d: Buffer) => {
      buf += d;
      if (buf.split("\n").includes(line)) {
        stream.off("data", onData);
        resolve();
      }
    };
    stream.on("data", onData);
  });
}
