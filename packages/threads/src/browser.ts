// What a browser bundle gets for @corio/threads: a clear error at import. Web Workers are not
// offered yet (they load modules by URL under other rules and have no worker_threads API).
throw new Error(
  "@corio/threads needs Node.js (it uses node:worker_threads); it is not available in browsers",
);

export {};
