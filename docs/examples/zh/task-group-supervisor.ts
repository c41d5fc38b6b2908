import { ExceptionGroup, getRunningLoop, sleep, type TaskGroup, taskGroup } from "corio";

function* sendEmail(to: string, ms: number, fails = false) {
  yield* sleep(ms);
  if (fails) throw new Error(`mailbox of ${to} is full`);
  console.log(`${getRunningLoop().time()} ms: sent to ${to}`);
}

/** 一件接一件地做 400 ms 的活，直到任务组叫停，再把手头这件做完。 */
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

  // 监督模式：一个任务失败不会连累别人；所有失败到最后一起报上来。
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

  // 体面地收工：工作者看到 stopSignal 后有 1 s 收尾，时间一到就被取消。
  yield* taskGroup(function* (tg) {
    tg.createTask(worker(tg, "worker 1"));
    tg.createTask(worker(tg, "worker 2"));
    yield* sleep(1000);
    console.log(`${loop.time()} ms: stopping, 1 s grace`);
    tg.cancel("deploy", { grace: 1000 });
  });
  console.log(`${loop.time()} ms: all stopped`);
}
