import { EventLoop } from "@corio/loop";
import { describe, it } from "vitest";
import { eventLoopContract } from "../src/index.js";

// corio's own loop must pass the suite it offers to other implementations.
eventLoopContract(
  { describe, it },
  () => {
    const loop = new EventLoop({ clock: "manual" });
    return { loop, advance: (ms) => loop.advance(ms) };
  },
  { name: "@corio/loop EventLoop (manual clock)" },
);
