// What bundlers pick for browsers (the "browser" export condition): the queue needs Node's sockets.
throw new Error(
  "@corio/queue-redis needs Node.js (it uses node:net through ioredis); it is not available in browsers",
);

export {};
