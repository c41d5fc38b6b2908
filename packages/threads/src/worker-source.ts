// The program every pool worker runs, as source text started with `new Worker(code, { eval: true })`.
//
// Why a string and not a file: a worker entry file would have to be found at run time next to
// whichever build (ESM, CJS, a user's bundle) imported the pool, and bundlers move files. A string
// travels with the code that uses it. The worker imports the user's module by absolute URL,
// caches it, calls the named export with the cloned arguments and posts back one of:
//   [id, 1, value]          the function returned (or its promise resolved with) `value`
//   [id, 0, failure]        it threw; `failure` is { name, message, stack, props } or { value }
// A result wrapped by `withTransfer` is posted with its transfer list.

/**
 * The worker program, plain ES2022 that runs as a CommonJS script or as an ES module: a worker
 * inherits the process's flags, and `--input-type=module` makes eval'd code a module, where
 * `require` does not exist, so even `node:worker_threads` is loaded with `import()`. Messages that
 * arrive before the port has a listener wait in the port.
 */
export const WORKER_SOURCE = `"use strict";
import("node:worker_threads").then(({ parentPort }) => {
const TRANSFER = Symbol.for("@corio/threads/transfer");
const loaded = new Map();
const loading = new Map();
function kind(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : "a " + typeof v;
}
function failure(error) {
  if (error instanceof Error || (error !== null && typeof error === "object" && typeof error.message === "string" && typeof error.name === "string")) {
    const props = {};
    for (const key of Object.keys(error)) {
      try { props[key] = structuredClone(error[key]); } catch {}
    }
    return { name: String(error.name), message: String(error.message), stack: typeof error.stack === "string" ? error.stack : undefined, props };
  }
  return { value: error };
}
function fail(id, error) {
  try {
    parentPort.postMessage([id, 0, failure(error)]);
  } catch (cloneError) {
    parentPort.postMessage([id, 0, { name: "TypeError", message: "the job threw a value that cannot be sent back to the main thread (" + String(cloneError && cloneError.message) + ")" }]);
  }
}
function pick(ns, href, name) {
  let fn = ns[name];
  if (typeof fn !== "function" && ns.default !== null && typeof ns.default === "object") fn = ns.default[name];
  if (typeof fn !== "function") {
    const found = Object.keys(ns).filter((k) => typeof ns[k] === "function");
    throw new TypeError("toThread(module, name): " + href + " has no function export named " + JSON.stringify(name) + " (it is " + (name in ns ? kind(ns[name]) : "missing") + "; function exports: " + (found.length ? found.join(", ") : "none") + ")");
  }
  return fn;
}
function settle(id, value) {
  if (value !== null && typeof value === "object" && value[TRANSFER] === true) {
    try { parentPort.postMessage([id, 1, value.value], value.transfer); } catch (e) { cloneFailed(id, e); }
    return;
  }
  try { parentPort.postMessage([id, 1, value]); } catch (e) { cloneFailed(id, e); }
}
function cloneFailed(id, e) {
  fail(id, { name: "DataCloneError", message: "the job's result cannot be sent back to the main thread: " + String(e && e.message), stack: e && e.stack });
}
function call(id, fn, args) {
  let value;
  try {
    value = fn(...args);
  } catch (error) {
    fail(id, error);
    return;
  }
  if (value !== null && (typeof value === "object" || typeof value === "function") && typeof value.then === "function") {
    Promise.resolve(value).then((v) => settle(id, v), (error) => fail(id, error));
  } else {
    settle(id, value);
  }
}
parentPort.on("message", (msg) => {
  const id = msg[0], href = msg[1], name = msg[2], args = msg[3];
  const ns = loaded.get(href);
  if (ns !== undefined) {
    let fn;
    try { fn = pick(ns, href, name); } catch (error) { fail(id, error); return; }
    call(id, fn, args);
    return;
  }
  let pending = loading.get(href);
  if (pending === undefined) {
    pending = import(href).then((m) => { loaded.set(href, m); loading.delete(href); return m; });
    loading.set(href, pending);
  }
  pending.then(
    (m) => {
      let fn;
      try { fn = pick(m, href, name); } catch (error) { fail(id, error); return; }
      call(id, fn, args);
    },
    (error) => {
      loading.delete(href);
      const f = failure(error);
      if (f.message !== undefined) {
        const message = "cannot load " + href + ": " + f.message;
        if (typeof f.stack === "string") f.stack = f.stack.replace(f.message, message);
        f.message = message;
      }
      parentPort.postMessage([id, 0, f]);
    },
  );
});
});
`;
