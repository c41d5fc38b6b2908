// The corio site: renders docs/ (tutorials in English at / and Chinese at /zh/), the generated API
// reference (docs/api/, made by scripts/api.ts) and runs every example at build time.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type DefaultTheme, defineConfig, type Plugin } from "vitepress";
import type { Fallback } from "../scripts/zh-pages";
import { zhTitles } from "../scripts/zh-pages";
import { writeLlmsTxt } from "./llms";

const here = dirname(fileURLToPath(import.meta.url));
const docs = resolve(here, "../../../docs");

type Lang = "en" | "zh";

/** One entry of docs/guide/ORDER.json: a slug, or an object naming it and maybe its titles. */
type OrderEntry =
  | string
  | {
      slug?: string;
      link?: string;
      file?: string;
      text?: string;
      title?: string;
      zh?: string;
      items?: OrderEntry[];
    };

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** The page's title: frontmatter `title:`, else its first `# ` heading, else the slug. */
function pageTitle(file: string, fallback: string): string {
  if (!existsSync(file)) return fallback;
  const text = readFileSync(file, "utf8");
  const fm = /^---\n([\s\S]*?)\n---/.exec(text);
  const fmTitle = fm ? /^title:\s*["']?(.+?)["']?\s*$/m.exec(fm[1]) : null;
  if (fmTitle) return inlineCode(fmTitle[1]);
  const h1 = /^#\s+(.+)$/m.exec(text);
  return h1 ? inlineCode(h1[1].replace(/\{#[^}]*\}\s*$/, "").trim()) : fallback;
}

/** Sidebar text is HTML: `code` in a heading becomes <code>, and the rest is escaped. */
function inlineCode(title: string): string {
  const escaped = title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return escaped.replace(/`([^`]+)`/g, "<code>$1</code>");
}

function guideDir(lang: Lang): string {
  return lang === "en" ? join(docs, "guide") : join(docs, "zh/guide");
}

function entrySlug(entry: OrderEntry): string | null {
  if (typeof entry === "string") return entry.replace(/\.md$/, "");
  const raw = entry.slug ?? entry.file ?? entry.link;
  return raw ? raw.replace(/^.*\//, "").replace(/\.md$/, "") : null;
}

function guideItems(
  entries: OrderEntry[],
  lang: Lang,
  perLanguage: boolean,
): DefaultTheme.SidebarItem[] {
  const prefix = lang === "en" ? "/guide/" : "/zh/guide/";
  const items: DefaultTheme.SidebarItem[] = [];
  for (const entry of entries) {
    if (typeof entry === "object" && entry.items) {
      const text = (lang === "zh" && !perLanguage && entry.zh) || entry.text || entry.title || "";
      items.push({ text, collapsed: false, items: guideItems(entry.items, lang, perLanguage) });
      continue;
    }
    const slug = entrySlug(entry);
    if (!slug) continue;
    const file = join(guideDir(lang), `${slug}.md`);
    // A Chinese page not written yet has a stand-in at its /zh/ route (scripts/zh-pages.ts)
    // showing the English text, so the reader stays on the Chinese side of the site.
    const exists = existsSync(file);
    if (!exists && lang === "zh" && existsSync(join(guideDir("en"), `${slug}.md`))) {
      items.push({
        text: pageTitle(join(guideDir("en"), `${slug}.md`), slug),
        link: `/zh/guide/${slug}`,
      });
      continue;
    }
    if (!exists) continue;
    let given: string | undefined;
    if (typeof entry === "object") {
      given = lang === "zh" && !perLanguage ? entry.zh : (entry.text ?? entry.title);
    }
    items.push({
      text: given ? inlineCode(given) : pageTitle(file, slug),
      link: `${prefix}${slug}`,
    });
  }
  return items;
}

interface OrderFile {
  en?: OrderEntry[];
  zh?: OrderEntry[];
  pages?: OrderEntry[];
  order?: OrderEntry[];
  sections?: OrderEntry[];
}

/**
 * Sidebar of the guide from docs/guide/ORDER.json: a list of pages (slugs or {link, text}), or
 * {"en": [...], "zh": [...]} with one list per language. Without it, every page in name order.
 */
function guideSidebar(lang: Lang): DefaultTheme.SidebarItem[] {
  const order = readJson<OrderEntry[] | OrderFile>(join(docs, "guide/ORDER.json"));
  let entries: OrderEntry[] | undefined;
  let perLanguage = false;
  if (Array.isArray(order)) entries = order;
  else if (order) {
    perLanguage = Array.isArray(order[lang]);
    entries =
      order[lang] ??
      (lang === "zh" ? order.en : undefined) ??
      order.sections ??
      order.pages ??
      order.order;
  }
  if (!entries) {
    const dir = guideDir("en");
    entries = existsSync(dir)
      ? readdirSafe(dir).filter((f) => f.endsWith(".md") && f !== "index.md")
      : [];
  }
  const items = guideItems(entries, lang, perLanguage);
  const grouped = items.some((i) => i.items);
  return grouped ? items : [{ text: lang === "zh" ? "教程" : "Tutorial", items }];
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

interface ApiEntry {
  name: string;
  slug: string;
  description: string;
}

/** One sidebar entry per public package, from the list scripts/api.ts wrote. */
function apiSidebar(lang: Lang): DefaultTheme.SidebarItem[] {
  const packages = readJson<ApiEntry[]>(join(docs, "api/packages.json")) ?? [];
  const base = lang === "zh" ? "/zh/api/" : "/api/";
  return [
    {
      text: lang === "zh" ? "API 参考" : "API reference",
      items: [
        { text: lang === "zh" ? "总览" : "Overview", link: base },
        ...packages.map((p) => ({ text: p.name, link: `${base}${p.slug}` })),
      ],
    },
  ];
}

function firstLink(items: DefaultTheme.SidebarItem[]): string | undefined {
  for (const item of items) {
    if (item.link) return item.link;
    const inner = item.items && firstLink(item.items);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Pages at the top of docs/ (architecture, contributing, ...) get a nav entry each. In Chinese a
 * page not translated yet links to its stand-in (scripts/zh-pages.ts), named in Chinese.
 */
function topPages(lang: Lang): DefaultTheme.NavItem[] {
  const names = readdirSafe(docs).filter((f) => f.endsWith(".md") && f !== "index.md");
  return names.map((file) => {
    const slug = file.replace(/\.md$/, "");
    if (lang === "en") return { text: plain(pageTitle(join(docs, file), slug)), link: `/${slug}` };
    const zhFile = join(docs, "zh", file);
    const text = existsSync(zhFile) ? plain(pageTitle(zhFile, slug)) : (zhTitles[slug] ?? slug);
    return { text, link: `/zh/${slug}` };
  });
}

const plain = (html: string) => html.replace(/<[^>]+>/g, "");

/**
 * Routes of generated pages: the Chinese API reference (written to docs/api/zh/) at /zh/api/,
 * and the stand-ins of pages not translated yet at their /zh/ routes.
 */
function rewrites(): Record<string, string> {
  const map: Record<string, string> = {};
  const zhApi = join(docs, "api/zh");
  for (const file of readdirSafe(zhApi)) {
    if (file.endsWith(".md")) map[`api/zh/${file}`] = `zh/api/${file}`;
  }
  for (const f of readJson<Fallback[]>(join(docs, "api/zh-pending/pages.json")) ?? []) {
    if (!existsSync(join(docs, f.target))) map[f.source] = f.target;
  }
  return map;
}

function themeFor(lang: Lang): DefaultTheme.Config {
  const guide = guideSidebar(lang);
  const api = apiSidebar(lang);
  const zh = lang === "zh";
  const guideLink = firstLink(guide) ?? (zh ? "/zh/" : "/");
  const nav: DefaultTheme.NavItem[] = [
    { text: zh ? "教程" : "Guide", link: guideLink, activeMatch: zh ? "^/zh/guide/" : "^/guide/" },
    {
      text: zh ? "API 参考" : "API",
      link: zh ? "/zh/api/" : "/api/",
      activeMatch: zh ? "^/zh/api/" : "^/api/",
    },
    ...topPages(lang),
  ];
  const sidebar: DefaultTheme.SidebarMulti = zh
    ? { "/zh/guide/": guide, "/zh/api/": api, "/zh/": guide }
    : { "/guide/": guide, "/api/": api, "/": guide };
  return {
    nav,
    sidebar,
    outline: { level: [2, 3], label: zh ? "本页目录" : "On this page" },
    docFooter: zh ? { prev: "上一页", next: "下一页" } : undefined,
    lastUpdated: undefined,
    ...(zh
      ? {
          returnToTopLabel: "回到顶部",
          sidebarMenuLabel: "目录",
          darkModeSwitchLabel: "外观",
          langMenuLabel: "切换语言",
          notFound: {
            title: "页面不存在",
            quote: "这个地址上没有页面。",
            linkLabel: "回到首页",
            linkText: "回到首页",
          },
          lightModeSwitchTitle: "切换到浅色模式",
          darkModeSwitchTitle: "切换到深色模式",
          skipToContentLabel: "跳到正文",
        }
      : {}),
  };
}

const favicon = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#3451b2"/><rect x="6" y="8" width="14" height="4" rx="2" fill="#fff"/><rect x="12" y="14" width="14" height="4" rx="2" fill="#c8d2ff"/><rect x="6" y="20" width="10" height="4" rx="2" fill="#fff"/></svg>',
)}`;

/**
 * Pages live in docs/, outside this package, so the `vue` and `vitepress` imports that compiled
 * pages contain would not resolve from there: resolve them as if imported by the theme.
 */
function resolveFromApp(): Plugin {
  const themeEntry = join(here, "theme/index.ts");
  return {
    name: "corio:resolve-from-app",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer || !/^(vue|vitepress|@vue\/[^/]+)(\/|$)/.test(source)) return null;
      if (!importer.startsWith(docs)) return null;
      return this.resolve(source, themeEntry, { ...options, skipSelf: true });
    },
  };
}

type MarkdownIt = Parameters<NonNullable<NonNullable<UserMarkdown>["config"]>>[0];
type UserMarkdown = Parameters<typeof defineConfig>[0]["markdown"];

/**
 * On Chinese pages `<<< @/examples/x.ts` (or `@/examples/node/x.ts`) shows docs/examples/zh/x.ts
 * (docs/examples/zh/node/x.ts) when it exists: the same
 * program with its comments in Chinese (docs/examples/zh.test.ts keeps the two in step).
 */
function zhExamples(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence;
  if (!fence) return;
  const examples = join(docs, "examples");
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx] as { src?: [string, string] };
    const page = String((env as { relativePath?: string }).relativePath ?? "");
    const src = token.src;
    const inside = src ? relative(examples, src[0]) : "..";
    if (src && page.startsWith("zh/") && !inside.startsWith("..") && !inside.startsWith("zh/")) {
      const twin = join(examples, "zh", inside);
      if (existsSync(twin)) token.src = [twin, src[1]];
    }
    return fence(tokens, idx, options, env, self);
  };
}

export default defineConfig({
  title: "corio",
  description:
    "Python's asyncio, rebuilt for TypeScript: generator coroutines, tasks, gather, queues.",
  srcDir: "../../docs",
  srcExclude: [
    "examples/**",
    "**/node_modules/**",
    "package.json",
    "README.md",
    "**/ORDER.json",
    "**/*.test.ts",
  ],
  cleanUrls: true,
  rewrites: rewrites(),
  lastUpdated: false,
  // A broken link fails the build (DOCS_IGNORE_DEAD_LINKS=1 lets a page in progress through).
  ignoreDeadLinks: process.env.DOCS_IGNORE_DEAD_LINKS === "1",
  head: [
    ["meta", { name: "theme-color", content: "#3c8772" }],
    // An inline icon: browsers ask for one, and docs/ has no public/ folder of its own.
    ["link", { rel: "icon", type: "image/svg+xml", href: favicon }],
  ],
  locales: {
    root: {
      label: "English",
      lang: "en-US",
      themeConfig: themeFor("en"),
    },
    zh: {
      label: "简体中文",
      lang: "zh-CN",
      link: "/zh/",
      title: "corio",
      description: "用 TypeScript 重建的 Python asyncio：生成器协程、任务、gather 与队列。",
      themeConfig: themeFor("zh"),
    },
  },
  themeConfig: {
    search: {
      provider: "local",
      options: {
        locales: {
          zh: {
            translations: {
              button: { buttonText: "搜索文档", buttonAriaLabel: "搜索文档" },
              modal: {
                noResultsText: "没有找到结果",
                resetButtonTitle: "清除查询",
                footer: { selectText: "选择", navigateText: "切换", closeText: "关闭" },
              },
            },
          },
        },
      },
    },
    logo: { src: favicon, alt: "" },
    socialLinks: [],
    // Without a home page (docs/index.md) the site title leads to the first tutorial.
    ...(existsSync(join(docs, "index.md")) ? {} : { logoLink: "/guide/getting-started" }),
  },
  markdown: {
    config(md) {
      zhExamples(md);
    },
  },
  // The whole API in one plain-text file for language models (llmstxt.org).
  async buildEnd(site) {
    writeLlmsTxt(docs, site.outDir);
  },
  vite: {
    // The theme imports docs/examples/*.ts (outside the app) for the Run buttons.
    server: { fs: { allow: [resolve(here, "../../..")] } },
    plugins: [resolveFromApp()],
    // An example importing a name corio does not export yet must not take the whole site down:
    // its build-time run reports the error on its page (and the e2e test fails on it).
    build: { rollupOptions: { shimMissingExports: true }, chunkSizeWarningLimit: 2000 },
  },
});
