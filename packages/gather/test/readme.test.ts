import { createTask, run, sleep } from "@corio/task";
import { expect, expectTypeOf, it } from "vitest";
import { asCompleted, FIRST_COMPLETED, gather, wait } from "../src/index.js";

// The README's example, run as a test.
function* fetchUser(id: number) {
  yield* sleep(200);
  return { id, name: "Ada" };
}
function* fetchPosts(id: number) {
  yield* sleep(100);
  return [`post by ${id}`];
}

it("the README example runs", async () => {
  const out: unknown[] = [];
  await run(
    function* () {
      const [user, posts] = yield* gather(fetchUser(1), fetchPosts(1));
      expectTypeOf(user).toEqualTypeOf<{ id: number; name: string }>();
      expectTypeOf(posts).toEqualTypeOf<string[]>();
      out.push(user.name, posts[0]);

      const settled = yield* gather(fetchUser(2), fetchPosts(2), { returnExceptions: true });
      out.push(settled.length);

      const a = createTask(fetchUser(3));
      const b = createTask(fetchPosts(3));
      const { done, pending } = yield* wait([a, b], { returnWhen: FIRST_COMPLETED });
      out.push(done.has(b), pending.has(a));

      for (const next of asCompleted([fetchUser(4), fetchPosts(4)], { timeout: 1000 })) {
        out.push(yield* next);
      }
    },
    { clock: "virtual" },
  );
  expect(out).toEqual(["Ada", "post by 1", 2, true, true, ["post by 4"], { id: 4, name: "Ada" }]);
});

it("gather(...array) is typed as an array of results", () =>
  run(
    function* () {
      const tasks = [1, 2, 3].map((i) => createTask(fetchUser(i)));
      const users = yield* gather(...tasks);
      expectTypeOf(users).toEqualTypeOf<{ id: number; name: string }[]>();
      expect(users.map((u) => u.id)).toEqual([1, 2, 3]);
    },
    { clock: "virtual" },
  ));
