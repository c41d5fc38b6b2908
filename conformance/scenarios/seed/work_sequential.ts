// Seed tutorial: awaiting work_1 then work_2 directly runs them one after the other (3 s).
import { sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* work1() {
  print(now(), "work_1 start");
  yield* sleep(1000);
  print(now(), "work_1 end");
}

function* work2() {
  print(now(), "work_2 start");
  yield* sleep(2000);
  print(now(), "work_2 end");
}

export default function* main() {
  print(now(), "before await");
  yield* work1();
  print(now(), "awaited work_1");
  yield* work2();
  print(now(), "awaited work_2");
}
