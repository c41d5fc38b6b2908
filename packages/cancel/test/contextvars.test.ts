// contextvars through TaskGroup, gather and shield: every child is a task, so each runs in its
// own copy of the context current when it was created.

import { gather } from "@corio/gather";
import { getRunningLoop } from "@corio/interfaces";
import { ContextVar } from "@corio/loop";
import { sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import { shield, taskGroup } from "../src/index.js";

const requestId = new ContextVar<string>("requestId", { default: "-" });

describe("contextvars through groups", () => {
  it("TaskGroup children each get a copy: a child's set() stays in the child", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const loop = getRunningLoop();
      function* child(name: string, delay: number) {
        log.push(`${loop.time()} ${name} starts in ${requestId.get()}`);
        requestId.set(name);
        yield* sleep(delay);
        log.push(`${loop.time()} ${name} ends in ${requestId.get()}`);
      }
      requestId.set("parent");
      yield* taskGroup(function* (tg) {
        tg.createTask(child("a", 20));
        requestId.set("parent-2"); // the next child is created after this
        tg.createTask(child("b", 10));
      });
      log.push(`${loop.time()} parent ends in ${requestId.get()}`);
      expect(log).toEqual([
        "0 a starts in parent",
        "0 b starts in parent-2",
        "10 b ends in b",
        "20 a ends in a",
        "20 parent ends in parent-2",
      ]);
    }));

  it("gather's children (coroutines wrapped in tasks) and shield's inner task get copies", () =>
    runVirtual(function* () {
      function* tagged(name: string) {
        const seen = requestId.get();
        requestId.set(name);
        yield* sleep(1);
        return `${name}:${seen}:${requestId.get()}`;
      }
      requestId.set("outer");
      const results = yield* gather(tagged("x"), tagged("y"));
      const shielded = yield* shield(tagged("z"));
      expect([...results, shielded, requestId.get()]).toEqual([
        "x:outer:x",
        "y:outer:y",
        "z:outer:z",
        "outer",
      ]);
    }));
});
