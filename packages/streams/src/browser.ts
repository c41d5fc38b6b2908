// What a bundler gives a browser build for @corio/streams (the "browser" export condition): the
// package needs Node's sockets, so importing it there fails at once with a clear message.
throw new Error(
  "@corio/streams needs Node.js (it uses node:net and node:tls); it is not available in browsers",
);

export {};
