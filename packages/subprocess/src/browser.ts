/**
 * What browsers get instead of @corio/subprocess (package.json's "browser" condition): importing it
 * fails at once with a message that says why.
 */
throw new Error(
  "@corio/subprocess needs Node.js (it uses node:child_process); it is not available in browsers",
);

export {};
