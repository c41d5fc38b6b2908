// The README's example, run: same code, with console.log captured.
import { getRunningLoop } from "@corio/interfaces";
import { createTask, run, sleep } from "@corio/task";
import { expect, it } from "vitest";
import { Lock, Semaphore } from "../src/index.js";

it("the README example prints the balance, then the pages after 1 s, 1 s and 2 s", async () => {
  const printed: string[] = [];
  const log = (value: unknown) => printed.push(`${getRunningLoop().time()} ${String(value)}`);

  const lock = new Lock();
  let balance = 100;

  function* withdraw(amount: number) {
    yield* lock.acquire();
    try {
      const current = balance;
      yield* sleep(10); // another task runs here, but cannot touch balance
      balance = current - amount;
    } finally {
      lock.release();
    }
  }

  const slots = new Semaphore(2); // at most two downloads at once
  function* download(url: string) {
    return yield* slots.withPermit(function* () {
      yield* sleep(1000);
      return `page of ${url}`;
    });
  }

  await run(
    function* () {
      const a = createTask(withdraw(30));
      const b = createTask(withdraw(20));
      yield* a;
      yield* b;
      log(balance);
      const pages = ["a", "b", "c"].map((u) => createTask(download(u)));
      for (const p of pages) log(yield* p);
    },
    { clock: "virtual" },
  );
  expect(printed).toEqual(["20 50", "1020 page of a", "1020 page of b", "2020 page of c"]);
});
