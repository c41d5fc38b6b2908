import { TimeoutError } from "@corio/interfaces";
import { createTask, run, sleep } from "@corio/task";
import { expect, it } from "vitest";
import { ExceptionGroup, shield, taskGroup, timeout, waitFor } from "../src/index.js";

// The README's example, run as a test.
function* fetchPage(url: string) {
  yield* sleep(300);
  return `<html>${url}</html>`;
}

it("the README example runs", async () => {
  const out: unknown[] = [];
  await run(
    function* () {
      const page = yield* timeout(1000, function* (scope) {
        const first = yield* fetchPage("/a");
        scope.reschedule(scope.when()! + 500);
        return first + (yield* fetchPage("/b"));
      });
      out.push(page);
      try {
        yield* waitFor(sleep(5000), 100);
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        out.push("timed out");
      }
      try {
        yield* taskGroup((tg) => {
          tg.createTask(fetchPage("/c"));
          tg.createTask(fetchPage("/d"));
        });
        out.push("group done");
      } catch (e) {
        if (e instanceof ExceptionGroup) console.log(e.errors);
      }
      const save = createTask(fetchPage("/save"));
      out.push(yield* shield(save));
    },
    { clock: "virtual" },
  );
  expect(out).toEqual([
    "<html>/a</html><html>/b</html>",
    "timed out",
    "group done",
    "<html>/save</html>",
  ]);
});
