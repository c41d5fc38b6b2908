// Behaviour found by the CPython conformance suite (conformance/).
import { describe, expect, it } from "vitest";
import { EventLoop } from "../src/index.js";

describe("found by the conformance suite", () => {
  it("an error thrown by a done callback goes to the exception handler and the loop carries on", () => {
    const loop = new EventLoop({ clock: "manual" });
    const log: string[] = [];
    loop.setExceptionHandler((_loop, ctx) =>
      log.push(`handler: ${(ctx.exception as Error).message}`),
    );
    const fut = loop.createFuture<number>();
    fut.addDoneCallback(function failing() {
      throw new Error("boom");
    });
    fut.addDoneCallback((f) => log.push(`second callback sees ${f.result()}`));
    loop.callLater(10, () => log.push("timer after the failure"));
    fut.setResult(1);
    loop.advance(10);
    expect(log).toEqual(["handler: boom", "second callback sees 1", "timer after the failure"]);
    loop.close();
  });
});
