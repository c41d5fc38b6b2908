import { sleep } from "corio";

function* work1() {
  console.log("work_1 start");
  yield* sleep(1000);
  console.log("work_1 end");
}

function* work2() {
  console.log("work_2 start");
  yield* sleep(2000);
  console.log("work_2 end");
}

export function* main() {
  console.log("before await");
  yield* work1();
  console.log("awaited work_1");
  yield* work2();
  console.log("awaited work_2");
}
