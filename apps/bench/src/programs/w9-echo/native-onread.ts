// W9 reference, not a column of the table: native.ts with its client sockets reading through
// Node's `onread` option (one shared buffer, no Readable stream), as @corio/streams' client
// connections do. It shows how much of corio's lead over native.ts comes from that read path.
// Run it by hand: node --import tsx src/programs/w9-echo/native-onread.ts '{"n":2000,"clients":50,"warmup":1000}'
import * as net from "node:net";
import { program } from "../harness.js";
import { nodeEcho } from "./node-echo.js";

const shared = Buffer.allocUnsafe(64 * 1024);

program(() =>
  nodeEcho((port, onRead) =>
    net.connect({
      host: "127.0.0.1",
      port,
      noDelay: true,
      onread: {
        buffer: shared,
        callback: (bytes) => {
          onRead(bytes);
          return true;
        },
      },
    }),
  ),
);
