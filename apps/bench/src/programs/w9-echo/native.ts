// W9 on plain node:net callbacks (the floor): the same echo server and C clients doing n round
// trips of a 64-byte message, with no coroutine layer at all; clients read through 'data' events.
import * as net from "node:net";
import { program } from "../harness.js";
import { nodeEcho } from "./node-echo.js";

program(() =>
  nodeEcho((port, onRead) => {
    const socket = net.connect({ host: "127.0.0.1", port, noDelay: true });
    socket.on("data", (data: Buffer) => onRead(data.length));
    return socket;
  }),
);
