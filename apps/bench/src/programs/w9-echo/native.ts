// W9 on plain node:net callbacks (the floor): the same echo server and C clients doing n round
// trips of a 64-byte message, with no coroutine layer at all.
import * as net from "node:net";
import { check, now, params, program, report } from "../harness.js";

const MESSAGE = Buffer.alloc(64, "m");

program(async () => {
  const { n, clients = 1 } = params() as { n: number; clients?: number };
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on("data", (data) => socket.write(data));
    socket.on("end", () => socket.end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  function client(): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: "127.0.0.1", port, noDelay: true });
      let trips = 0;
      let pending = 0;
      let bytes = 0;
      socket.on("error", reject);
      socket.on("connect", () => {
        pending = MESSAGE.length;
        socket.write(MESSAGE);
      });
      socket.on("data", (data) => {
        bytes += data.length;
        pending -= data.length;
        if (pending > 0) return;
        if (++trips === n) {
          socket.end();
          resolve(bytes);
          return;
        }
        pending = MESSAGE.length;
        socket.write(MESSAGE);
      });
    });
  }
  const t0 = now();
  const totals = await Promise.all(Array.from({ length: clients }, client));
  const ms = now() - t0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const echoed = totals.reduce((a, b) => a + b, 0);
  check(echoed === clients * n * MESSAGE.length, `every byte came back (${echoed})`);
  report({ ms, ops: clients * n });
});
