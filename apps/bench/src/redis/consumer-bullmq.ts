// A consumer process of the Redis queue benchmark, BullMQ side: one Worker with the same
// concurrency as corio's tasks; a job is acknowledged (moved to completed, then removed) after the
// processor returns (at-least-once: a stalled job goes back to wait). Prints "ready" once
// connected, starts on "go", exits on "stop".
import { Worker } from "bullmq";
import { lineFrom } from "./lines.js";

const [url, key, concurrency] = process.argv.slice(2);
const { hostname, port } = new URL(url!);
const worker = new Worker(key!, async () => {}, {
  connection: { host: hostname, port: Number(port) },
  concurrency: Number(concurrency),
  autorun: false,
});
await worker.waitUntilReady();
process.stdout.write("ready\n");
await lineFrom(process.stdin, "go");
void worker.run();
await lineFrom(process.stdin, "stop");
process.exit(0);
