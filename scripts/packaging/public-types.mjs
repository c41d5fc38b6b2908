// Published types show only public API: no `dist/*.d.ts` (or `.d.cts`) of a public package may
// declare a member whose name starts with an underscore. Internals are kept out with TSDoc
// `@internal` and the compiler's `stripInternal`; this check fails when one slips through and
// lists each offender as `package  file:line  Owner._member`.
//
// The await protocol's two members are the one exception: `_blocking` (asyncio's
// `_asyncio_future_blocking`) and the optional `_makeCancelledError()` are part of `FutureLike`,
// which any future from another library implements, so they are public API despite their names.
//
// Usage: node scripts/packaging/public-types.mjs   (also a step of `pnpm test:packaging`)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { publicPackages, root } from "./lib.mjs";

const ts = createRequire(join(root, "package.json"))("typescript");

/** Underscore names that are public protocol, not internals (see the header). */
export const PROTOCOL_MEMBERS = new Set(["_blocking", "_makeCancelledError"]);

function memberName(node) {
  const name = node.name;
  if (name === undefined) return null;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) {
    return name.text;
  }
  return null;
}

function ownerName(node) {
  const owner = node.parent;
  if (owner?.name && ts.isIdentifier(owner.name)) return owner.name.text;
  return "{…}";
}

/** Every underscore member declared in one declaration file: [{ line, owner, name }]. */
export function underscoreMembers(file) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isClassElement(node) || ts.isTypeElement(node)) {
      const name = memberName(node);
      if (name?.startsWith("_") && !PROTOCOL_MEMBERS.has(name)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({ line: line + 1, owner: ownerName(node), name });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Checks every public package's built types; returns the offenders, one line each. */
export function checkPublicTypes() {
  const offenders = [];
  for (const { name, dir } of publicPackages()) {
    const dist = join(dir, "dist");
    if (!existsSync(dist)) throw new Error(`${name} has no dist/: build first (pnpm build)`);
    const seen = new Set();
    for (const entry of readdirSync(dist).sort()) {
      if (!entry.endsWith(".d.ts") && !entry.endsWith(".d.cts")) continue;
      const file = join(dist, entry);
      // tsup writes the same declarations twice (.d.ts for ESM, .d.cts for CJS): list them once.
      const text = readFileSync(file, "utf8");
      if (seen.has(text)) continue;
      seen.add(text);
      for (const m of underscoreMembers(file)) {
        offenders.push(
          `${name.padEnd(20)} ${relative(root, file)}:${m.line}  ${m.owner}.${m.name}`,
        );
      }
    }
  }
  return offenders;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const offenders = checkPublicTypes();
  for (const line of offenders) console.log(line);
  console.log(
    offenders.length === 0
      ? "published types: no underscore members"
      : `published types: ${offenders.length} underscore member(s) above; mark them @internal (stripInternal drops them) or make them public API`,
  );
  process.exit(offenders.length === 0 ? 0 : 1);
}
