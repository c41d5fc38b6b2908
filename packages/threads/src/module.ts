// Checks what a job names (a module and an export) on the main thread, before anything is sent,
// so a typo fails at the call with a message that names the argument.
import { existsSync } from "node:fs";
import { isAbsolute } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** File URLs already seen to exist: the check costs one `stat` per module, not one per job. */
const seen = new Set<string>();

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  return typeof value;
}

/**
 * The absolute URL a worker imports for `module`: a `URL`, a `file:`/`data:` URL string, or an
 * absolute path. Relative specifiers are refused: a worker has no importing file to resolve them
 * against, and guessing the current directory is how jobs break when the app moves.
 */
export function moduleHref(where: string, module: unknown): string {
  let href: string;
  if (module instanceof URL) href = module.href;
  else if (typeof module === "string" && /^(file|data):/i.test(module)) {
    try {
      href = new URL(module).href;
    } catch {
      throw new TypeError(`${where}: module is not a valid URL, got ${describe(module)}`);
    }
  } else if (typeof module === "string" && isAbsolute(module)) href = pathToFileURL(module).href;
  else {
    throw new TypeError(
      `${where}: module must be a URL or an absolute path to a module file (a worker cannot resolve a relative name: use new URL("./work.mjs", import.meta.url)), got ${describe(module)}`,
    );
  }
  if (href.startsWith("file:") && !seen.has(href)) {
    let path: string;
    try {
      path = fileURLToPath(href);
    } catch {
      throw new TypeError(`${where}: module is not a local file URL, got ${JSON.stringify(href)}`);
    }
    if (!existsSync(path)) {
      throw new TypeError(`${where}: module ${href} does not exist (no file at ${path})`);
    }
    seen.add(href);
  }
  return href;
}

/** Checks an export name: a non-empty string. */
export function checkName(where: string, name: unknown): string {
  if (typeof name !== "string" || name.length === 0) {
    throw new TypeError(
      `${where}: name must be the name of a function the module exports, got ${typeof name === "string" ? "an empty string" : describe(name)}`,
    );
  }
  return name;
}
