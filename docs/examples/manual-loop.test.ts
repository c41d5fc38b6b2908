// The manual-clock snippet on the testing page (docs/guide/testing.md, docs/zh/guide/testing.md)
// is the region below, imported into the page as it is: it runs here as a test.
import { manualLoop } from "@corio/task/testing";
import { sleep } from "corio";
import { expect, it } from "vitest";

// #region manual
function* pollUntil(check: () => boolean, every: number) {
  while (!check()) yield* sleep(every);
}

it("checks once a second until the flag is up", () => {
  let ready = false;
  let checks = 0;
  const check = () => {
    checks++;
    return ready;
  };
  const loop = manualLoop();
  const task = loop.createTask(pollUntil(check, 1000));
  loop.advance(0); // the task ran up to its first wait
  expect(checks).toBe(1);
  loop.advance(1000); // one second later: the second check
  expect(checks).toBe(2);
  expect(task.done()).toBe(false);
  ready = true;
  loop.advance(1000);
  expect(task.done()).toBe(true);
  loop.close();
});
// #endregion manual
