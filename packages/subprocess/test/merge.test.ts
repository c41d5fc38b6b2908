// The Windows fallback of `stderr: STDOUT` (both pipes merged as data arrives into one reader),
// run here on real pipes by building the Process with that layout by hand.
import { spawn } from "node:child_process";
import { getRunningLoop } from "@corio/interfaces";
import { run } from "@corio/task";
import { describe, expect, it } from "vitest";
import { Process } from "../src/process.js";

describe("merging stdout and stderr by hand", () => {
  it("one reader gets every line of both pipes and ends when both have ended", () =>
    run(function* () {
      const child = spawn(
        process.execPath,
        ["-e", "for (let i = 0; i < 3; i++) { console.log('out' + i); console.error('err' + i); }"],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      const proc = new Process(
        getRunningLoop(),
        child,
        { stdin: false, stdout: true, stderr: false, limit: 1024, mergeByHand: true },
        "merge",
      );
      expect(proc.stderr).toBe(null);
      const [out, err] = yield* proc.communicate();
      expect(err).toBe(null);
      // Two pipes keep each one's order, not the order between them.
      expect(out!.toString().trim().split("\n").sort()).toEqual([
        "err0",
        "err1",
        "err2",
        "out0",
        "out1",
        "out2",
      ]);
      expect([proc.stdout!.atEof(), proc.returncode]).toEqual([true, 0]);
    }));
});
