import { sleep } from "corio";

function* greet(name: string) {
  yield* sleep(1000);
  return `hello, ${name}`;
}

export function* main() {
  console.log("waiting one second...");
  const greeting = yield* greet("corio");
  console.log(greeting);
}
