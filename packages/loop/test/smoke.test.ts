import { describe, expect, it } from "vitest";
import { EventLoop } from "../src/index.js";

describe("EventLoop (manual clock)", () => {
  it("runs callSoon callbacks in FIFO order and timers at their deadline", () => {
    const loop = new EventLoop({ clock: "manual" });
    const log: string[] = [];
    loop.callLater(10, () => log.push(`timer at ${loop.time()}`));
    loop.callSoon(() => log.push("soon 1"));
    loop.callSoon(() => log.push("soon 2"));
    loop.advance(0);
    expect(log).toEqual(["soon 1", "soon 2"]);
    loop.advance(10);
    expect(log).toEqual(["soon 1", "soon 2", "timer at 10"]);
    loop.close();
  });
});
