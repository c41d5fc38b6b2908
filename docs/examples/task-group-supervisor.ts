import { ExceptionGroup, getRunningLoop, sleep, type TaskGroup, taskGroup } from "corio";

function* sendEmail(to: string, ms: number, fails = false) {
  yield* sleep(ms);
  if (fails) throw new Error(`mailbox of ${to} is full`);
  console.log(`${getRunningLoop().time()} ms: sent to ${to}`);
}

/** Takes a 400 ms job after another until the group asks it to stop, then finishes the job in hand. */
function* worker(tg: TaskGroup, name: string) {
  let jobs = 0;
  while (!tg.stopSignal.aborted) {
    yield* sleep(400);
    jobs++;
  }
  console.log(`${getRunningLoop().time()} ms: ${name} stopped cleanly after ${jobs} jobs`);
}

export function* main() {
  const loop = getRunningLoop();

  // Supervisor mode: one failure cancels nobody; the failures arrive together at the end.
  try {
    yield* taskGroup(
      function* (tg) {
        tg.createTask(sendEmail("ada", 300));
        tg.createTask(sendEmail("bob", 100, true));
        tg.createTask(sendEmail("cy", 500));
      },
      { supervisor: true },
    );
  } catch (error) {
    if (error instanceof ExceptionGroup) {
      const messages = error.errors.map((e) => (e as Error).message);
      console.log(`${loop.time()} ms: failed: ${messages.join(", ")}`);
    }
  }

  // A graceful stop: workers see stopSignal, get 1 s to finish, then are cancelled.
  yield* taskGroup(function* (tg) {
    tg.createTask(worker(tg, "worker 1"));
    tg.createTask(worker(tg, "worker 2"));
    yield* sleep(1000);
    console.log(`${loop.time()} ms: stopping, 1 s grace`);
    tg.cancel("deploy", { grace: 1000 });
  });
  console.log(`${loop.time()} ms: all stopped`);
}
