// Runs `pnpm new` (scripts/new-package.mjs) against a temporary copy of the repository's
// skeleton and checks what it writes, what it wires into `corio`, and that the scaffold's own
// first test passes.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
let tmp = "";

function copy(path: string): void {
  cpSync(join(repo, path), join(tmp, path), {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist|\.turbo)([/\\]|$)/.test(src),
  });
}

function generate(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [join(tmp, "scripts/new-package.mjs"), ...args, "--root", tmp, "--no-install"],
    { encoding: "utf8" },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const read = (path: string) => readFileSync(join(tmp, path), "utf8");
const json = (path: string) => JSON.parse(read(path));

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "corio-new-"));
  for (const path of [
    "package.json",
    "biome.json",
    "pnpm-workspace.yaml",
    "tsconfig.base.json",
    "vitest.shared.ts",
    "tsup.shared.ts",
    "scripts/new-package.mjs",
    "scripts/packaging/size-budgets.json",
    "packages/corio",
    "packages/interfaces",
    "packages/internal",
    "packages/loop",
    "packages/task",
    "packages/testkit/package.json",
    "packages/testkit/src",
    "packages/queue/package.json",
  ]) {
    copy(path);
  }
  // Resolve vitest and friends from the real install.
  symlinkSync(join(repo, "node_modules"), join(tmp, "node_modules"), "dir");
});

afterAll(() => {
  if (tmp !== "") rmSync(tmp, { recursive: true, force: true });
});

describe("pnpm new", () => {
  it("scaffolds packages/<name> shaped like the other packages", () => {
    const r = generate("demo-thing", "--description", "A demo primitive.");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    for (const file of [
      "package.json",
      "tsup.config.ts",
      "tsconfig.json",
      "vitest.config.ts",
      "README.md",
      "src/index.ts",
      "src/demo-thing.ts",
      "test/demo-thing.test.ts",
    ]) {
      expect(existsSync(join(tmp, "packages/demo-thing", file)), file).toBe(true);
    }
    const pkg = json("packages/demo-thing/package.json");
    const model = json("packages/queue/package.json");
    expect(pkg.name).toBe("@corio/demo-thing");
    expect(pkg.description).toBe("A demo primitive.");
    for (const key of ["type", "sideEffects", "engines", "main", "module", "types", "exports"]) {
      expect(pkg[key], key).toEqual(model[key]);
    }
    expect(pkg.files).toEqual(["dist", "README.md"]);
    expect(pkg.dependencies).toEqual({ "@corio/interfaces": "workspace:^" });
    expect(Object.keys(pkg.devDependencies).sort()).toEqual([
      "@corio/loop",
      "@corio/task",
      "@corio/testkit",
    ]);
    // One line, the same as every single-entry package: the build itself is tsup.shared.ts.
    expect(read("packages/demo-thing/tsup.config.ts")).toBe(
      readFileSync(join(repo, "packages/queue/tsup.config.ts"), "utf8"),
    );
    expect(existsSync(join(tmp, "tsup.shared.ts"))).toBe(true);
    expect(read("packages/demo-thing/src/index.ts")).toBe(
      'export { demoThingExample } from "./demo-thing.js";\n',
    );
    const source = read("packages/demo-thing/src/demo-thing.ts");
    expect(source).toMatch(/@asyncio/);
    expect(source).toMatch(/@example/);
  });

  it("wires the package into corio and writes a changeset", () => {
    const corio = json("packages/corio/package.json");
    expect(corio.dependencies["@corio/demo-thing"]).toBe("workspace:^");
    expect(read("packages/corio/src/index.ts").trimEnd().split("\n").at(-1)).toBe(
      'export { demoThingExample } from "@corio/demo-thing";',
    );
    expect(json("scripts/packaging/size-budgets.json")["@corio/demo-thing"]).toBe(2048);
    expect(read(".changeset/demo-thing-initial.md")).toMatch(
      /^---\n"@corio\/demo-thing": minor\n"corio": minor\n---\n\n.+\n$/,
    );
  });

  it("writes a first test that passes", () => {
    // The scaffold's package has no node_modules of its own yet; vitest resolves the workspace
    // packages through vitest.shared.ts's aliases.
    const r = spawnSync(
      process.execPath,
      [join(repo, "node_modules/vitest/vitest.mjs"), "run", "--reporter=dot"],
      { cwd: join(tmp, "packages/demo-thing"), encoding: "utf8" },
    );
    expect(r.stdout + r.stderr).toMatch(/1 passed/);
    expect(r.status).toBe(0);
  }, 60_000);

  it("writes files biome check accepts", () => {
    // Catches formatting and most lint rules in the copy; the repository's own `pnpm lint` covers
    // the rest once the package is in the tree (the scaffold is kept clean there too).
    const r = spawnSync(
      join(repo, "node_modules/.bin/biome"),
      ["check", "--vcs-enabled=false", "packages/demo-thing", ".changeset"],
      { cwd: tmp, encoding: "utf8" },
    );
    expect(r.stdout + r.stderr).not.toMatch(/error|×/);
    expect(r.status).toBe(0);
  });

  it.each([
    ["", /missing package name/],
    ["Sync", /must be lowercase.*try "sync"/],
    ["my_lock", /may only contain a-z, 0-9 and "-"/],
    ["9lives", /must start with a letter/],
    ["lock-", /must start with a letter, and not end with "-"/],
    ["@corio/lock", /give the bare name, not the scope/],
    ["queue", /packages\/queue already exists/],
    ["corio", /reserved|already exists/],
    ["internal", /reserved|already exists/],
  ])("refuses the name %j with a clear error", (name, message) => {
    const r = name === "" ? generate() : generate(name);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^pnpm new: /);
    expect(r.stderr).toMatch(message);
  });

  it("changes nothing when the name is refused", () => {
    const before = read("packages/corio/src/index.ts");
    generate("Bad");
    expect(read("packages/corio/src/index.ts")).toBe(before);
    expect(existsSync(join(tmp, "packages/Bad"))).toBe(false);
  });
});
