// The options that are not about pipes (cwd, env, file descriptors, inherit), half-closing stdin,
// and what browsers get.
import { closeSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "@corio/task";
import { describe, expect, it } from "vitest";
import { createSubprocessExec, DEVNULL, PIPE } from "../src/index.js";

const NODE = process.execPath;

describe("options", () => {
  it("cwd and env reach the child", () =>
    run(function* () {
      const proc = yield* createSubprocessExec(
        NODE,
        ["-e", "process.stdout.write(process.cwd() + ' ' + process.env.CORIO_TEST)"],
        { stdout: PIPE, cwd: tmpdir(), env: { CORIO_TEST: "yes" } },
      );
      const [out] = yield* proc.communicate();
      expect(out!.toString()).toBe(`${tmpdir()} yes`);
    }));

  it("a file descriptor connects the stream to an open file; DEVNULL to nothing", () =>
    run(function* () {
      const file = join(tmpdir(), `corio-subprocess-${process.pid}.txt`);
      const fd = openSync(file, "w");
      try {
        const proc = yield* createSubprocessExec(NODE, ["-e", "console.log('into the file')"], {
          stdout: fd,
          stdin: DEVNULL,
        });
        expect(proc.stdout).toBe(null);
        expect(yield* proc.wait()).toBe(0);
      } finally {
        closeSync(fd);
      }
      expect(readFileSync(file, "utf8")).toBe("into the file\n");
    }));

  it("writeEof() half-closes stdin: the child sees the end and can still answer", () =>
    run(function* () {
      const proc = yield* createSubprocessExec(
        NODE,
        [
          "-e",
          "let n = 0; process.stdin.on('data', (c) => (n += c.length)).on('end', () => console.log(n))",
        ],
        { stdin: PIPE, stdout: PIPE },
      );
      expect(proc.stdin!.canWriteEof()).toBe(true);
      proc.stdin!.write("12345");
      proc.stdin!.writeEof();
      expect(proc.stdin!.getExtraInfo("pipe")).toBe(proc.stdin!.transport);
      expect(proc.stdin!.getExtraInfo("peername", "none")).toBe("none");
      expect((yield* proc.stdout!.readline()).toString()).toBe("5\n");
      expect(yield* proc.wait()).toBe(0);
    }));
});

describe("in a browser", () => {
  it("the package's browser entry fails at import, saying it needs Node.js", async () => {
    await expect(import("../src/browser.js")).rejects.toThrow(
      "@corio/subprocess needs Node.js (it uses node:child_process); it is not available in browsers",
    );
  });
});
