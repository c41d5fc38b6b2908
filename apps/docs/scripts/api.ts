// Generates the API reference (docs/api/, never committed) with typedoc and
// typedoc-plugin-markdown: one page per public package found in packages/*/package.json, so a new
// package shows up without editing anything. Run before `vitepress dev` and `vitepress build`.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Application } from "typedoc";
import {
  anchorFor,
  dedupeOverloads,
  fixAnchors,
  headings,
  slugify,
  toChinese,
} from "./api-markdown";
import { writeZhFallbacks, zhDescriptions } from "./zh-pages";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const out = join(root, "docs/api");

export interface ApiPackage {
  /** npm name, e.g. "@corio/loop". */
  name: string;
  /** Folder under packages/. */
  dir: string;
  description: string;
  /** Page slug under /api/, e.g. "corio-loop". */
  slug: string;
  entry: string;
}

/** The public packages: packages/*\/package.json without `"private": true`, with a src/index.ts. */
export function publicPackages(): ApiPackage[] {
  const dir = join(root, "packages");
  const found: ApiPackage[] = [];
  for (const name of readdirSync(dir).sort()) {
    const pkgFile = join(dir, name, "package.json");
    const entry = join(dir, name, "src/index.ts");
    if (!existsSync(pkgFile) || !existsSync(entry)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, "utf8")) as {
      name: string;
      private?: boolean;
      description?: string;
    };
    if (pkg.private === true) continue;
    found.push({
      name: pkg.name,
      dir: name,
      description: pkg.description ?? "",
      slug: pkg.name.replace(/^@/, "").replace(/\//g, "-"),
      entry,
    });
  }
  // The meta package first, then the others in dependency order of reading.
  return found.sort((a, b) => (a.name === "corio" ? -1 : b.name === "corio" ? 1 : 0));
}

/** One typedoc run over every package (one TypeScript program: much faster than one per package). */
async function generate(packages: ApiPackage[], tmp: string): Promise<Map<ApiPackage, string>> {
  const tsconfig = join(tmp, "tsconfig.json");
  mkdirSync(tmp, { recursive: true });
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(root, "tsconfig.base.json"),
      compilerOptions: { types: ["node"], noEmit: true },
      files: packages.filter((p) => !isMeta(p)).map((p) => p.entry),
    }),
  );
  const app = await Application.bootstrapWithPlugins({
    entryPoints: packages.filter((p) => !isMeta(p)).map((p) => p.entry),
    tsconfig,
    plugin: ["typedoc-plugin-markdown"],
    out: join(tmp, "out"),
    name: "corio",
    readme: "none",
    excludePrivate: true,
    excludeInternal: true,
    excludeExternals: true,
    skipErrorChecking: true,
    disableSources: true,
    githubPages: false,
    hideGenerator: true,
    logLevel: "Error",
    // @asyncio names the asyncio counterpart: rendered as its own section.
    blockTags: [
      "@asyncio",
      "@example",
      "@throws",
      "@returns",
      "@param",
      "@typeParam",
      "@remarks",
      "@see",
      "@deprecated",
      "@defaultValue",
      "@since",
      "@privateRemarks",
    ],
    // typedoc-plugin-markdown: one markdown file per package, VitePress-friendly.
    outputFileStrategy: "modules",
    entryFileName: "index",
    hidePageHeader: true,
    hideBreadcrumbs: true,
    useCodeBlocks: true,
    parametersFormat: "table",
    interfacePropertiesFormat: "table",
    classPropertiesFormat: "table",
    typeDeclarationFormat: "table",
    sanitizeComments: true,
  } as Parameters<typeof Application.bootstrapWithPlugins>[0]);
  const project = await app.convert();
  if (!project) throw new Error("typedoc could not convert the packages");
  await app.generateOutputs(project);
  return new Map();
}

/** The meta package re-exports the others: its page is a table of names, not a copy of theirs. */
function isMeta(pkg: ApiPackage): boolean {
  return pkg.name === "corio";
}

/** The `export { a, type B } from "@corio/x"` blocks of the meta package's index. */
function reexports(entry: string): { from: string; names: { name: string; type: boolean }[] }[] {
  const source = readFileSync(entry, "utf8");
  const blocks: { from: string; names: { name: string; type: boolean }[] }[] = [];
  for (const m of source.matchAll(/export\s+(type\s+)?\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    const allTypes = m[1] !== undefined;
    const names = m[2]
      .split(",")
      .map((n) => n.replace(/\/\/.*$/gm, "").trim())
      .filter(Boolean)
      .map((n) => {
        const type = allTypes || n.startsWith("type ");
        const name = n.replace(/^type\s+/, "").trim();
        return { name, type };
      });
    blocks.push({ from: m[3], names });
  }
  return blocks;
}

interface Edition {
  lang: "en" | "zh";
  /** Where the pages go, e.g. docs/api or docs/api/zh (routed to /zh/api/). */
  dir: string;
}

function describe(pkg: ApiPackage, lang: Edition["lang"]): string {
  return lang === "zh" ? (zhDescriptions[pkg.name] ?? pkg.description) : pkg.description;
}

/**
 * The meta package's page: what it re-exports, each name linked to its heading on the page of
 * the package that defines it (the function `taskGroup`, not the class `TaskGroup`).
 */
function metaPage(
  pkg: ApiPackage,
  packages: ApiPackage[],
  pageOf: Map<string, string>,
  lang: Edition["lang"],
): string {
  const zh = lang === "zh";
  const byName = new Map(packages.map((p) => [p.name, p]));
  const sections = reexports(pkg.entry).map(({ from, names }) => {
    const target = byName.get(from);
    const all = target ? headings(pageOf.get(target.name) ?? "") : [];
    const rows = names.map(({ name, type }) => {
      // "X as Y": the page documents X; corio names it Y.
      const [original, alias] = name.split(/\s+as\s+/);
      const shown = alias ?? original;
      const id = anchorFor(all, original, !type) ?? slugify(original);
      const link = target ? `[\`${shown}\`](./${target.slug}#${id})` : `\`${shown}\``;
      const note = alias
        ? zh
          ? `（即 \`${from}\` 中的 \`${original}\`）`
          : ` (\`${original}\` in \`${from}\`)`
        : "";
      const kind = zh ? (type ? "类型" : "值") : type ? "type" : "value";
      return `| ${link}${note} | ${kind} |`;
    });
    const heading = target ? `## [\`${from}\`](./${target.slug})` : `## \`${from}\``;
    const header = zh ? "| 导出名 | 种类 |" : "| Export | Kind |";
    const intro = target ? describe(target, lang) : "";
    return `${heading}\n\n${intro}\n\n${header}\n| --- | --- |\n${rows.join("\n")}\n`;
  });
  const lead = zh
    ? "下面这些名字都由 `corio` 重新导出，所以只需一个 import："
    : "Everything below is re-exported by `corio`, so one import is enough:";
  const tail = zh
    ? "每个名字都链接到定义它的那个包里的文档。"
    : "Each name links to its documentation in the package that defines it.";
  return `${lead}\n\n\`\`\`ts\nimport { run, createTask, gather, sleep } from "corio";\n\`\`\`\n\n${tail}\n\n${sections.join("\n")}`;
}

/**
 * `@asyncio` comes out of the markdown plugin as a "#### Asyncio" heading; show it as a small
 * "asyncio" box instead, which reads as the counterpart it names.
 */
function asyncioBoxes(md: string): string {
  const lines = md.split("\n");
  const out: string[] = [];
  let open = false;
  for (const line of lines) {
    const heading = /^#{2,6} /.test(line);
    if (open && (heading || line === "***")) {
      while (out.length > 0 && out[out.length - 1] === "") out.pop();
      out.push(":::", "");
      open = false;
    }
    if (/^#{2,6} Asyncio$/.test(line)) {
      out.push("::: info asyncio");
      open = true;
      continue;
    }
    out.push(line);
  }
  if (open) out.push(":::");
  return out.join("\n");
}

function escapeVue(md: string): string {
  // Outside code, {{ }} would be read by Vue as interpolation.
  const parts = md.split(/(```[\s\S]*?```|`[^`\n]*`)/);
  return parts
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/\{\{|\}\}/g, (m) => `${m[0]}&#8203;${m[1]}`),
    )
    .join("");
}

/** The overview page of one edition. */
function indexPage(packages: ApiPackage[], lang: Edition["lang"]): string {
  const zh = lang === "zh";
  const list = packages
    .map((p) => `| [\`${p.name}\`](./${p.slug}) | ${describe(p, lang)} |`)
    .join("\n");
  return zh
    ? `---\ntitle: API 参考\n---\n\n# API 参考\n\n由每个公开包的 TSDoc 生成。大多数程序只需从 \`corio\` 导入；每个原语也单独发布成一个包。各页的标题和说明文字是中文，符号名、签名和符号自带的文档保持原样（英文）。对应的 asyncio 名称标在每个符号的「对应的 asyncio」框里。\n\n| 包 | 内容 |\n| --- | --- |\n${list}\n`
    : `---\ntitle: API reference\n---\n\n# API reference\n\nGenerated from the TSDoc of every public package. Most programs import everything from \`corio\`; each primitive is also published on its own.\n\n| Package | What it holds |\n| --- | --- |\n${list}\n`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const packages = publicPackages();
  const tmp = join(root, "apps/docs/.vitepress/cache/api-tmp");
  rmSync(tmp, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await generate(packages, tmp);
  const slugOf = new Map(packages.map((p) => [p.dir, p.slug]));
  // Each package's own reference, cleaned up once; both editions start from it.
  const bodyOf = new Map<string, string>();
  for (const pkg of packages) {
    if (isMeta(pkg)) continue;
    const file = join(tmp, "out", pkg.dir, "src.md");
    let text = existsSync(file) ? readFileSync(file, "utf8") : "";
    // Links between packages: ../loop/src.md#future → ./corio-loop.md#future
    text = text.replace(/\]\(\.\.\/([^/)]+)\/src\.md/g, (m, dir: string) =>
      slugOf.has(dir) ? `](./${slugOf.get(dir)}.md` : m,
    );
    text = text.replace(/^# .*\n/, "");
    bodyOf.set(pkg.name, fixAnchors(dedupeOverloads(text)));
  }
  const editions: Edition[] = [
    { lang: "en", dir: out },
    { lang: "zh", dir: join(out, "zh") },
  ];
  for (const { lang, dir } of editions) {
    const zh = lang === "zh";
    mkdirSync(dir, { recursive: true });
    for (const pkg of packages) {
      let text = isMeta(pkg) ? metaPage(pkg, packages, bodyOf, lang) : (bodyOf.get(pkg.name) ?? "");
      if (text.trim() === "")
        text = zh ? "_这个包目前还没有导出任何内容。_\n" : "_This package exports nothing yet._\n";
      if (zh) text = fixAnchors(toChinese(text));
      const install = zh ? "安装：" : "";
      const page = `---\ntitle: "${pkg.name}"\noutline: [2, 3]\n---\n\n# ${pkg.name}\n\n${describe(pkg, lang)}\n\n${install}${install ? "\n\n" : ""}\`\`\`sh\nnpm install ${pkg.name}\n\`\`\`\n\n${text}`;
      const boxed = asyncioBoxes(page).replace(
        /^::: info asyncio$/gm,
        zh ? "::: info 对应的 asyncio" : "::: info asyncio",
      );
      writeFileSync(join(dir, `${pkg.slug}.md`), escapeVue(boxed));
    }
    writeFileSync(join(dir, "index.md"), indexPage(packages, lang));
  }
  writeFileSync(
    join(out, "packages.json"),
    `${JSON.stringify(
      packages.map(({ name, slug, description }) => ({ name, slug, description })),
      null,
      2,
    )}\n`,
  );
  const fallbacks = writeZhFallbacks(join(root, "docs"));
  rmSync(tmp, { recursive: true, force: true });
  console.log(
    `api: ${packages.length} packages (English and Chinese) → ${relative(root, out)}/ in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (fallbacks.length > 0
        ? `; ${fallbacks.length} page(s) without a Chinese version yet: ${fallbacks.map((f) => f.target).join(", ")}`
        : ""),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
