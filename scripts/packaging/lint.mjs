// publint and arethetypeswrong on the packed tarball of every public package, in one process:
// each check reads the same tarball npm would publish.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { root } from "./lib.mjs";

// @arethetypeswrong/core comes with the CLI installed at the root.
const requireFromCli = createRequire(
  createRequire(join(root, "package.json")).resolve("@arethetypeswrong/cli/package.json"),
);
const attw = await import(requireFromCli.resolve("@arethetypeswrong/core"));

/**
 * Lints each tarball; returns one row per package: { name, publint: [...messages], attw: [...] }.
 * publint's suggestions are reported but do not fail; its warnings and errors do.
 */
export async function lintTarballs(tarballs) {
  const rows = [];
  for (const [name, file] of tarballs) {
    const data = readFileSync(file);
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    const { messages, pkg } = await publint({ pack: { tarball: buffer }, level: "suggestion" });
    const publintMessages = messages.map((m) => ({
      type: m.type,
      text: formatMessage(m, pkg) ?? m.code,
    }));
    const attwPkg = attw.createPackageFromTarballData(new Uint8Array(data));
    const analysis = await attw.checkPackage(attwPkg);
    const problems = analysis.types === false ? [{ kind: "NoTypes" }] : analysis.problems;
    rows.push({
      name,
      publint: publintMessages,
      attw: problems.map((p) =>
        [p.kind, p.entrypoint, p.resolutionKind].filter((x) => x !== undefined).join(" "),
      ),
    });
  }
  return rows;
}

export function reportLint(rows) {
  let failed = false;
  for (const row of rows) {
    const bad = row.publint.filter((m) => m.type !== "suggestion");
    const ok = bad.length === 0 && row.attw.length === 0;
    if (!ok) failed = true;
    const notes = row.publint.length - bad.length;
    console.log(
      `  ${ok ? "ok  " : "FAIL"} ${row.name.padEnd(20)} publint: ${bad.length === 0 ? "clean" : `${bad.length} problem(s)`}${notes ? ` (+${notes} suggestion(s))` : ""}, attw: ${row.attw.length === 0 ? "ESM, CJS and types resolve (node10, node16, bundler)" : row.attw.join("; ")}`,
    );
    for (const m of row.publint) console.log(`       publint ${m.type}: ${m.text}`);
  }
  return !failed;
}
