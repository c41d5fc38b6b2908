// W9's node:net side, shared by native.ts (the table's floor: 'data' events) and native-onread.ts
// (the reference with `onread` client reads): an echo server and C clients in one process, each
// client making `warmup` untimed round trips of a 64-byte message, then n timed ones.
import * as net from "node:net";
import { check, now, params, report } from "../harness.js";

const MESSAGE = Buffer.alloc(64, "m");

/**
 * Opens one client socket to `port`, calling `onRead(bytes)` for each read, however it reads
 * (a 'data' listener, or `onread`).
 */
export type Connect = (port: number, onRead: (bytes: number) => void) => net.Socket;

/** One client connection that makes round trips on request. */
class Client {
  private trips = 0;
  private goal = 0;
  private pending = 0;
  private bytes = 0;
  private done: ((bytes: number) => void) | null = null;
  readonly socket: net.Socket;

  constructor(port: number, connect: Connect) {
    this.socket = connect(port, (bytes) => this.onRead(bytes));
  }

  /** Makes `count` round trips; resolves with the bytes that came back. */
  roundTrips(count: number): Promise<number> {
    return new Promise((resolve) => {
      this.trips = 0;
      this.bytes = 0;
      this.goal = count;
      if (count === 0) return resolve(0);
      this.done = resolve;
      this.send();
    });
  }

  private onRead(bytes: number): void {
    this.bytes += bytes;
    this.pending -= bytes;
    if (this.pending > 0) return;
    if (++this.trips === this.goal) {
      const done = this.done!;
      this.done = null;
      done(this.bytes);
      return;
    }
    this.send();
  }

  private send(): void {
    this.pending = MESSAGE.length;
    this.socket.write(MESSAGE);
  }
}

/** Runs W9 with client sockets opened by `connect`; checks every byte and reports the rate. */
export async function nodeEcho(connect: Connect): Promise<void> {
  const { n, clients = 1, warmup = 0 } = params();
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on("data", (data) => socket.write(data));
    socket.on("end", () => socket.end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  async function warm(): Promise<Client> {
    const client = new Client(port, connect);
    await new Promise<void>((resolve, reject) => {
      client.socket.once("connect", resolve);
      client.socket.once("error", reject);
    });
    await client.roundTrips(warmup);
    return client;
  }
  const all = await Promise.all(Array.from({ length: clients }, warm));
  const t0 = now();
  const totals = await Promise.all(all.map((c) => c.roundTrips(n)));
  const ms = now() - t0;
  for (const c of all) c.socket.end();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const echoed = totals.reduce((a, b) => a + b, 0);
  check(echoed === clients * n * MESSAGE.length, `every byte came back (${echoed})`);
  report({ ms, ops: clients * n });
}
