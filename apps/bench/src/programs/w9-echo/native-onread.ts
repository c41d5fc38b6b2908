// W9 reference, not a column of the table: native.ts with its client sockets reading through
// Node's `onread` option (one shared buffer, no Readable stream), as @corio/streams' client
// connections do. It shows how much of corio's lead over native.ts comes from that read path.
// Run it by hand: node --import tsx src/programs/w9-echo/native-onread.ts '{"n":2000,"clients":50,"warmup":1000}'
import * as net from "node:net";
import { check, now, params, program, report } from "../harness.js";

const MESSAGE = Buffer.alloc(64, "m");

/** One client connection that makes round trips on request. */
class Client {
  private trips = 0;
  private goal = 0;
  private pending = 0;
  private bytes = 0;
  private done: ((bytes: number) => void) | null = null;

  /** Called by the socket's `onread` with the byte count of each read. */
  onRead(nread: number): void {
    this.bytes += nread;
    this.pending -= nread;
    if (this.pending > 0) return;
    if (++this.trips === this.goal) {
      const done = this.done!;
      this.done = null;
      done(this.bytes);
      return;
    }
    this.send();
  }

  constructor(readonly socket: net.Socket) {}

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

  private send(): void {
    this.pending = MESSAGE.length;
    this.socket.write(MESSAGE);
  }
}

program(async () => {
  const { n, clients = 1, warmup = 0 } = params();
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on("data", (data) => socket.write(data));
    socket.on("end", () => socket.end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const shared = Buffer.allocUnsafe(64 * 1024);
  async function warm(): Promise<Client> {
    let client: Client | null = null;
    const socket = net.connect({
      host: "127.0.0.1",
      port,
      noDelay: true,
      onread: {
        buffer: shared,
        callback: (nread) => {
          client!.onRead(nread);
          return true;
        },
      },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    client = new Client(socket);
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
});
