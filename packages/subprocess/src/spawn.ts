/**
 * `createSubprocessExec` and `createSubprocessShell`: argument checks, the stdio mapping (PIPE,
 * DEVNULL, STDOUT, inherit), and the spawn itself.
 *
 * How it works: the arguments are checked when the function is called (so a bad argument throws at
 * the call, not at the first step); the returned coroutine spawns the child and waits for Node's
 * `error` event when it could not start (the program was not found, say), holding
 * `loop.trackExternal` meanwhile. `stderr: STDOUT` is a true merge, one pipe for both streams as
 * asyncio has: on POSIX the child is started through `/bin/sh -c 'exec "$0" "$@" 2>&1'`, which
 * replaces itself by the program (same pid), so the order of the child's writes is kept.
 */
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { accessSync, constants as fsConstants } from "node:fs";
import { delimiter, join } from "node:path";
import * as I from "@corio/interfaces";
import { DEFAULT_LIMIT } from "@corio/streams";
import { type PipeLayout, Process } from "./process.js";

const { describeValue: describe, getRunningLoop } = I;

/**
 * Connect the stream to a pipe that the parent reads or writes.
 *
 * @asyncio `asyncio.subprocess.PIPE`
 * @example
 * const proc = yield* createSubprocessExec("node", ["-v"], { stdout: PIPE });
 */
export const PIPE = "pipe";
/**
 * Connect the stream to the null device.
 *
 * @asyncio `asyncio.subprocess.DEVNULL`
 * @example
 * yield* createSubprocessExec("node", ["-e", "1"], { stdin: DEVNULL });
 */
export const DEVNULL = "devnull";
/**
 * `stderr` only: send it where stdout goes, through the same pipe.
 *
 * @asyncio `asyncio.subprocess.STDOUT`
 * @example
 * yield* createSubprocessExec("node", ["app.js"], { stdout: PIPE, stderr: STDOUT });
 */
export const STDOUT = "stdout";

/**
 * Where a child's stream goes: `PIPE`, `DEVNULL`, `STDOUT` (stderr only), `"inherit"`, `null` or
 * `undefined` (inherit: the parent's own stream, asyncio's `None`), or an open file descriptor.
 *
 * @asyncio the `stdin` / `stdout` / `stderr` arguments of `asyncio.create_subprocess_exec`
 * @example
 * const stdio: StdioOption = PIPE;
 */
export type StdioOption = typeof PIPE | typeof DEVNULL | typeof STDOUT | "inherit" | number | null;

/**
 * Options for {@link createSubprocessExec} and {@link createSubprocessShell}.
 *
 * @asyncio the keyword arguments of `asyncio.create_subprocess_exec` (`stdin`, `stdout`,
 * `stderr`, `limit`, `cwd`, `env`)
 * @example
 * const proc = yield* createSubprocessExec("node", ["app.js"], { stdout: PIPE, cwd: "/srv" });
 */
export interface SubprocessOptions {
  /** The child's stdin. Default: inherited. */
  stdin?: StdioOption;
  /** The child's stdout. Default: inherited. */
  stdout?: StdioOption;
  /** The child's stderr; `STDOUT` merges it into stdout. Default: inherited. */
  stderr?: StdioOption;
  /** Buffer limit of the stdout/stderr readers, in bytes (default 64 KiB, as asyncio). */
  limit?: number;
  /** Working directory of the child. */
  cwd?: string;
  /** Environment of the child (default: the parent's). */
  env?: Record<string, string | undefined>;
}

type Stdio = "pipe" | "ignore" | "inherit" | number;

function stdioOf(fn: string, key: "stdin" | "stdout" | "stderr", value: unknown): Stdio | "merge" {
  if (value === undefined || value === null || value === "inherit") return "inherit";
  if (value === PIPE) return "pipe";
  if (value === DEVNULL) return "ignore";
  if (value === STDOUT && key === "stderr") return "merge";
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  const allowed =
    key === "stderr" ? 'PIPE, DEVNULL, STDOUT, "inherit"' : 'PIPE, DEVNULL, "inherit"';
  throw new TypeError(
    `${fn}: options.${key} must be ${allowed}, null or a file descriptor, got ${describe(value)}`,
  );
}

interface Plan {
  command: string;
  args: string[];
  shell: boolean;
  options: SpawnOptions;
  layout: PipeLayout;
  label: string;
}

function plan(fn: string, command: string, args: string[], shell: boolean, options: unknown): Plan {
  if (options === null || typeof options !== "object") {
    if (options !== undefined) {
      throw new TypeError(`${fn}: options must be an object, got ${describe(options)}`);
    }
  }
  const o = (options ?? {}) as SubprocessOptions;
  const stdin = stdioOf(fn, "stdin", o.stdin);
  const stdout = stdioOf(fn, "stdout", o.stdout);
  const stderr = stdioOf(fn, "stderr", o.stderr);
  const limit = o.limit ?? DEFAULT_LIMIT;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit <= 0) {
    throw new RangeError(`${fn}: options.limit must be a positive integer, got ${describe(limit)}`);
  }
  if (o.cwd !== undefined && typeof o.cwd !== "string") {
    throw new TypeError(`${fn}: options.cwd must be a string, got ${describe(o.cwd)}`);
  }
  if (o.env !== undefined && (o.env === null || typeof o.env !== "object")) {
    throw new TypeError(`${fn}: options.env must be an object, got ${describe(o.env)}`);
  }
  const merge = stderr === "merge";
  const windows = process.platform === "win32";
  const stdio: Stdio[] = [
    stdin as Stdio,
    stdout as Stdio,
    merge ? (windows ? "pipe" : "inherit") : (stderr as Stdio),
  ];
  let file = command;
  let argv = args;
  if (merge && !windows) {
    // One pipe for both streams: a tiny shell dups stderr onto stdout, then execs the program.
    if (!shell) ensureFound(command, o.env ?? process.env);
    argv = shell
      ? ["-c", 'exec "$0" "$@" 2>&1', "/bin/sh", "-c", command]
      : ["-c", 'exec "$0" "$@" 2>&1', command, ...args];
    file = "/bin/sh";
  } else if (shell) {
    file = windows ? (process.env.ComSpec ?? "cmd.exe") : "/bin/sh";
    argv = windows ? ["/d", "/s", "/c", command] : ["-c", command];
  }
  return {
    command: file,
    args: argv,
    shell,
    options: {
      stdio,
      ...(o.cwd === undefined ? {} : { cwd: o.cwd }),
      ...(o.env === undefined ? {} : { env: o.env }),
      windowsVerbatimArguments: shell && windows,
    },
    layout: {
      stdin: stdin === "pipe",
      stdout: stdout === "pipe",
      stderr: stderr === "pipe",
      limit,
      mergeByHand: merge && windows && stdout === "pipe",
    },
    label: shell ? `createSubprocessShell(${JSON.stringify(command)})` : command,
  };
}

/**
 * With the merging shell in between, a missing program would be the shell's "not found" (exit 127)
 * instead of the spawn error `ENOENT`; look it up first so both paths fail the same way.
 */
function ensureFound(program: string, env: Record<string, string | undefined>): void {
  const candidates = program.includes("/")
    ? [program]
    : (env.PATH ?? "").split(delimiter).map((dir) => join(dir || ".", program));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, fsConstants.X_OK);
      return;
    } catch {}
  }
  const error = new Error(`spawn ${program} ENOENT`) as NodeJS.ErrnoException;
  error.code = "ENOENT";
  error.errno = -2;
  error.syscall = `spawn ${program}`;
  error.path = program;
  throw error;
}

function* start(p: Plan): I.Coroutine<Process> {
  const loop = getRunningLoop();
  const child: ChildProcess = spawn(p.command, p.args, p.options);
  if (child.pid !== undefined) {
    // Started: listen at once, before the child can exit or write.
    return new Process(loop, child, p.layout, p.label);
  }
  // Not started (ENOENT, EACCES...): Node reports why with an 'error' event on a later tick.
  const failed = loop.createFuture<never>(`${p.label}: spawning`);
  const release = loop.trackExternal(`${p.label}: spawning`);
  child.once("error", (error: Error) => {
    release();
    if (!failed.done() && !loop.isClosed()) failed.setException(error);
  });
  try {
    return yield* failed;
  } finally {
    release();
    child.stdin?.destroy();
    child.stdout?.destroy();
    child.stderr?.destroy();
  }
}

/**
 * Starts `program` with `args` (no shell) and returns its {@link Process} once it is running.
 *
 * Node.js only. A program that cannot be started rejects with Node's error, whose `code` says why:
 * `ENOENT` (not found: asyncio's `FileNotFoundError`), `EACCES` (not executable:
 * `PermissionError`).
 *
 * @asyncio `asyncio.create_subprocess_exec`
 * @throws {TypeError} (at the call) if `program` is not a non-empty string, `args` not an array of
 * strings, or an option is not one of the documented values.
 * @throws {RangeError} (at the call) if `options.limit` is not a positive integer.
 * @throws Node's spawn error (`code` `ENOENT`, `EACCES`...) when the program cannot start.
 * @example
 * const proc = yield* createSubprocessExec("node", ["-e", "console.log(6 * 7)"], { stdout: PIPE });
 * const [out] = yield* proc.communicate();
 * console.log(out!.toString().trim()); // 42
 */
export function createSubprocessExec(
  program: string,
  args: readonly string[] = [],
  options?: SubprocessOptions,
): I.Coroutine<Process> {
  const fn = "createSubprocessExec(program, args, options)";
  if (typeof program !== "string" || program.length === 0) {
    throw new TypeError(`${fn}: program must be a non-empty string, got ${describe(program)}`);
  }
  if (!Array.isArray(args)) {
    throw new TypeError(`${fn}: args must be an array of strings, got ${describe(args)}`);
  }
  for (const [i, arg] of args.entries()) {
    if (typeof arg !== "string") {
      throw new TypeError(
        `${fn}: args must be an array of strings, args[${i}] is ${describe(arg)}`,
      );
    }
  }
  return start(plan(fn, program, [...args], false, options));
}

/**
 * Runs `cmd` through the system shell (`/bin/sh -c`, `cmd.exe` on Windows) and returns its
 * {@link Process} once it is running. Quote anything that comes from outside your program.
 *
 * Node.js only. The shell's own exit code reports a missing command (127), as in asyncio.
 *
 * @asyncio `asyncio.create_subprocess_shell`
 * @throws {TypeError} (at the call) if `cmd` is not a non-empty string or an option is not one of
 * the documented values.
 * @throws {RangeError} (at the call) if `options.limit` is not a positive integer.
 * @example
 * const proc = yield* createSubprocessShell("echo $HOME", { stdout: PIPE });
 * const [out] = yield* proc.communicate();
 */
export function createSubprocessShell(
  cmd: string,
  options?: SubprocessOptions,
): I.Coroutine<Process> {
  const fn = "createSubprocessShell(cmd, options)";
  if (typeof cmd !== "string" || cmd.length === 0) {
    throw new TypeError(`${fn}: cmd must be a non-empty string, got ${describe(cmd)}`);
  }
  return start(plan(fn, cmd, [], true, options));
}
