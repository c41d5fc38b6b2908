// loop.addSignalHandler / removeSignalHandler with real signals sent to this (Node) process. A
// signal is only ever sent while a handler for it is installed, so the test process never dies.
import { RuntimeError } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { EventLoop } from "../src/index.js";

describe("addSignalHandler", () => {
  it("runs the callback on the loop, as a loop callback, when the signal arrives", async () => {
    const loop = new EventLoop();
    const log: string[] = [];
    const fut = loop.createFuture<void>("signalled");
    loop.addSignalHandler("SIGUSR2", () => {
      log.push(`handler running=${loop.isRunning()}`);
      fut.setResult(undefined);
    });
    loop.callSoon(() => {
      log.push("sending SIGUSR2");
      process.kill(process.pid, "SIGUSR2");
    });
    await loop.runUntilComplete(fut);
    expect(log).toEqual(["sending SIGUSR2", "handler running=true"]);
    expect(loop.removeSignalHandler("SIGUSR2")).toBe(true);
    expect(loop.removeSignalHandler("SIGUSR2")).toBe(false);
    loop.close();
  });

  it("takes signal numbers, and a new handler replaces the old one (one listener per signal)", async () => {
    const loop = new EventLoop();
    const before = process.listenerCount("SIGUSR2");
    const log: string[] = [];
    const fut = loop.createFuture<void>("signalled");
    loop.addSignalHandler("SIGUSR2", () => log.push("old"));
    loop.addSignalHandler(12, () => {
      log.push("new");
      fut.setResult(undefined);
    });
    expect(process.listenerCount("SIGUSR2")).toBe(before + 1);
    loop.callSoon(() => process.kill(process.pid, "SIGUSR2"));
    await loop.runUntilComplete(fut);
    expect(log).toEqual(["new"]);
    loop.close();
  });

  it("closing the loop removes every listener it installed", () => {
    const loop = new EventLoop();
    const before = [process.listenerCount("SIGUSR2"), process.listenerCount("SIGHUP")];
    loop.addSignalHandler("SIGUSR2", () => {});
    loop.addSignalHandler("SIGHUP", () => {});
    loop.close();
    expect([process.listenerCount("SIGUSR2"), process.listenerCount("SIGHUP")]).toEqual(before);
    expect(() => loop.addSignalHandler("SIGUSR2", () => {})).toThrow(RuntimeError);
  });

  it("an error in the callback goes to the exception handler", async () => {
    const loop = new EventLoop();
    const reports: string[] = [];
    loop.setExceptionHandler((_l, ctx) => reports.push(String((ctx.exception as Error).message)));
    const fut = loop.createFuture<void>("signalled");
    loop.addSignalHandler("SIGUSR2", () => {
      loop.callSoon(() => fut.setResult(undefined));
      throw new Error("boom");
    });
    loop.callSoon(() => process.kill(process.pid, "SIGUSR2"));
    await loop.runUntilComplete(fut);
    expect(reports).toEqual(["boom"]);
    loop.close();
  });

  it("rejects bad arguments with errors that name them", () => {
    const loop = new EventLoop();
    const add = loop.addSignalHandler.bind(loop) as (sig: unknown, cb: unknown) => void;
    expect(() => add({}, () => {})).toThrow(
      /addSignalHandler\(sig, callback\): sig must be a signal name such as "SIGINT" or a signal number/,
    );
    expect(() => add("SIGNOPE", () => {})).toThrow(RangeError);
    expect(() => add(999, () => {})).toThrow(
      /sig must be a signal of this platform, got number 999/,
    );
    expect(() => add("SIGKILL", () => {})).toThrow(
      new RuntimeError("addSignalHandler(sig, callback): SIGKILL cannot be caught"),
    );
    expect(() => add("SIGUSR2", 1)).toThrow(/callback must be a function, got number 1/);
    expect(() => add("SIGUSR2", function* () {})).toThrow(/not a coroutine function/);
    expect(() => loop.removeSignalHandler("SIGSTOP")).toThrow(RuntimeError);
    loop.close();
  });

  it("fails clearly where there is no Node.js process (a browser)", () => {
    const loop = new EventLoop();
    const saved = Object.getOwnPropertyDescriptor(globalThis, "process")!;
    let error: unknown;
    Object.defineProperty(globalThis, "process", { value: undefined, configurable: true });
    try {
      loop.addSignalHandler("SIGINT", () => {});
    } catch (e) {
      error = e;
    } finally {
      Object.defineProperty(globalThis, "process", saved);
    }
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toBe(
      "addSignalHandler(sig, callback) needs Node.js (it uses process.on): signals do not exist in browsers",
    );
    loop.close();
  });
});
