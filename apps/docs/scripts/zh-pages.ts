// The Chinese side of the generated pages: the package intros of the Chinese API reference, and a
// stand-in for every hand-written English page that has no Chinese twin yet, so the language
// switch never leads to a 404. A stand-in says (in Chinese) that the translation is on its way
// and shows a copy of the English text below (made again on every build and dev start); it
// disappears by itself once docs/zh/<page>.md exists.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";

/** Chinese one-line intros of the packages; a package not listed here shows its English one. */
export const zhDescriptions: Record<string, string> = {
  corio: "TypeScript 版的 Python asyncio：事件循环、任务、gather、队列与取消，协程用生成器来写。",
  "@corio/interfaces": "所有 corio 包相遇的契约：await 协议、事件循环接口和共用的异常类。",
  "@corio/loop": "corio 的事件循环：就绪队列、定时器堆、Future，以及虚拟时钟。",
  "@corio/task":
    "corio 的任务：createTask、sleep、run，也就是 asyncio 的 Task，只是协程换成了生成器。",
  "@corio/gather": "asyncio 的 gather、wait 和 as_completed，给 corio 协程用。",
  "@corio/cancel":
    "corio 的取消工具：shield、waitFor、timeout 作用域、TaskGroup，以及与 AbortSignal 的互通。",
  "@corio/queue": "asyncio 的 Queue、LifoQueue 和 PriorityQueue，给 corio 协程用。",
  "@corio/sync":
    "asyncio 的 Event、Lock、Semaphore、BoundedSemaphore、Condition 和 Barrier，给 corio 协程用。",
  "@corio/testkit":
    "测试 corio 原语的工具：虚拟时钟下的追踪装置、事件顺序断言，以及事件循环与队列的契约测试套件。",
  "@corio/streams":
    "asyncio 的流（StreamReader / StreamWriter、openConnection、startServer），基于 node:net，仅限 Node.js。",
  "@corio/subprocess":
    "asyncio 的子进程（createSubprocessExec、communicate），基于 node:child_process，仅限 Node.js。",
  "@corio/threads":
    "在工作线程里运行阻塞或耗 CPU 的代码（asyncio 的 to_thread / run_in_executor），仅限 Node.js。",
  "@corio/queue-redis":
    "基于 Redis Streams 的分布式任务队列，用法与 corio 的 Queue 一致，仅限服务端。",
};

/** Chinese titles of the pages at the top of docs/ (the nav shows them). */
export const zhTitles: Record<string, string> = {
  architecture: "架构",
  contributing: "贡献一个原语",
  performance: "性能",
  playground: "演练场",
};

export interface Fallback {
  /** Where the stand-in is written, relative to docs/. */
  source: string;
  /** The route it takes, relative to docs/: zh/<page>.md. */
  target: string;
}

function markdownIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "index.md");
}

/**
 * Writes a stand-in under docs/api/zh-pending/ (git-ignored, rebuilt each time) for each English
 * page of docs/ and docs/guide/ that has no Chinese file; the site config maps each one to its
 * /zh/ route. Returns what it wrote.
 */
export function writeZhFallbacks(docs: string): Fallback[] {
  const pending = join(docs, "api/zh-pending");
  const written: Fallback[] = [];
  for (const folder of ["", "guide"]) {
    for (const file of markdownIn(join(docs, folder))) {
      const en = join(docs, folder, file);
      const zh = join(docs, "zh", folder, file);
      if (existsSync(zh)) continue;
      const source = join(pending, folder, file);
      mkdirSync(dirname(source), { recursive: true });
      const slug = file.replace(/\.md$/, "");
      const title = zhTitles[slug];
      // The English text, its relative links turned into links to the English pages (their
      // anchors are English headings, which the Chinese pages do not have).
      const route = `/${join(folder, slug)}`;
      const text = readFileSync(en, "utf8");
      // The English page's own frontmatter (layout, outline...) stays; the title becomes Chinese.
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
      const meta = (fm?.[1] ?? "").split("\n").filter((l) => l.trim() !== "");
      const body = text
        .slice(fm ? fm[0].length : 0)
        .replace(
          /\]\((\.{1,2}\/[^)\s]+)\)/g,
          (_, target: string) =>
            `](${posix.join(posix.dirname(route), target).replace(/\.md(?=#|$)/, "")})`,
        );
      writeFileSync(
        source,
        [
          "---",
          ...(title ? [...meta.filter((l) => !/^title:/.test(l)), `title: "${title}"`] : meta),
          "---",
          "",
          "::: info 本页的中文版正在翻译中",
          `下面是英文原文。[切换到英文页面](${route})。`,
          ":::",
          "",
          body,
          "",
        ].join("\n"),
      );
      written.push({ source: relative(docs, source), target: join("zh", folder, file) });
    }
  }
  // Written even when every page has its translation: the site's config reads the list.
  mkdirSync(pending, { recursive: true });
  writeFileSync(join(pending, "pages.json"), `${JSON.stringify(written, null, 2)}\n`);
  return written;
}
