// End to end: build the site, serve it on 127.0.0.1, and drive Debian's Chromium through
// playwright-core the way a reader would. A build newer than every input is reused (turbo runs
// the `build` task right before `test`); DOCS_E2E_REUSE_BUILD=1 reuses any existing build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicPackages } from "../scripts/api";
import { chromiumArgs, chromiumPath, type StaticSite, serveStatic } from "./serve";

const app = dirname(dirname(fileURLToPath(import.meta.url)));
const root = join(app, "../..");
const dist = join(app, ".vitepress/dist");
const bin = (name: string) => join(app, "node_modules/.bin", name);
const hasChromium = existsSync(chromiumPath);

let site: StaticSite;
let browser: Browser;
/** Console errors, uncaught page errors and failed requests, each with its page's path. */
const consoleErrors: string[] = [];

/** Newest modification time (ms) of the files under `dir`, skipping generated folders. */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", "cache", "dist", "api", ".turbo"].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds the API pages and the site unless a build newer than every input exists. */
function build(): void {
  const marker = join(dist, "hashmap.json");
  if (existsSync(marker)) {
    if (process.env.DOCS_E2E_REUSE_BUILD === "1") return;
    const inputs = Math.max(
      newest(join(app, ".vitepress")),
      newest(join(app, "lib")),
      newest(join(app, "scripts")),
      newest(join(root, "docs")),
      ...readdirSync(join(root, "packages")).map((d) => newest(join(root, "packages", d, "src"))),
    );
    if (statSync(marker).mtimeMs > inputs) return;
  }
  const started = Date.now();
  for (const [cmd, args] of [
    [bin("tsx"), ["scripts/api.ts"]],
    [bin("vitepress"), ["build"]],
  ] as const) {
    const r = spawnSync(cmd, args, { cwd: app, stdio: "inherit", env: process.env });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status})`);
  }
  console.info(`docs build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Pages of one folder of the built site, as URL paths (/guide/x). */
function pagesIn(folder: string): string[] {
  const dir = join(dist, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".html"))
    .sort()
    .map((f) => `/${folder}/${f.replace(/\.html$/, "").replace(/^index$/, "")}`);
}

const guideEn = () => pagesIn("guide");
const guideZh = () => pagesIn("zh/guide");
const htmlOf = (path: string) => readFileSync(join(dist, `${path}.html`), "utf8");
/** The file of a page path, for htmlOf: /zh/ → /zh/index. */
const pathFile = (path: string) => (path.endsWith("/") ? `${path}index` : path);
const examplesIn = (path: string) =>
  [...htmlOf(path).matchAll(/class="corio-example" data-example="([^"]+)"/g)].map((m) => m[1]);
/** Examples that need Node.js: their pages show the build's run and have no Run button. */
const nodeOnlyIn = (path: string) =>
  [...htmlOf(path).matchAll(/data-example="([^"]+)" data-node-only="true"/g)].map((m) => m[1]);

let shared: Page | null = null;
let currentPath = "";
/** Pages opened, and where each one's language switch points. */
const switches = new Map<string, string[]>();

/** Whether the built site has a page at `path` (clean URLs: /x is x.html, /x/ is x/index.html). */
function pageExists(path: string): boolean {
  const clean = path.split(/[?#]/)[0];
  const file = clean.endsWith("/") ? `${clean}index.html` : `${clean}.html`;
  return existsSync(join(dist, file));
}

/** Every page of the built site (but the 404 page), as a URL path. */
function allPages(dir = dist, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name !== "assets")
        out.push(...allPages(join(dir, entry.name), `${prefix}/${entry.name}`));
    } else if (entry.name.endsWith(".html") && entry.name !== "404.html") {
      out.push(`${prefix}/${entry.name.replace(/\.html$/, "").replace(/^index$/, "")}`);
    }
  }
  return out.sort();
}

/**
 * Opens `path` in the one tab the tests share (a fresh tab per page costs seconds on a busy
 * machine) and waits until VitePress has hydrated it.
 */
async function open(path: string): Promise<Page> {
  if (shared === null) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(`${currentPath}: ${msg.text()}`);
    });
    page.on("pageerror", (error) => consoleErrors.push(`${currentPath}: ${error.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400) consoleErrors.push(`${currentPath}: HTTP ${r.status()} ${r.url()}`);
    });
    shared = page;
  }
  currentPath = path;
  const response = await shared.goto(site.url + path, { waitUntil: "load" });
  expect(response?.status(), `${path} status`).toBe(200);
  await shared.waitForFunction(
    () => (document.querySelector("#app") as { __vue_app__?: unknown } | null)?.__vue_app__,
  );
  const targets = await shared
    .locator(".VPNavBarTranslations a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  switches.set(path, targets);
  return shared;
}

/** Output lines of one example widget (without their time gutter). */
function outputLines(page: Page, name: string): Promise<string[]> {
  return page
    .locator(`.corio-example[data-example="${name}"] [data-testid=output] .line .text`)
    .allTextContents();
}

beforeAll(async () => {
  if (!hasChromium) {
    if (process.env.CI) {
      throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
    }
    return;
  }
  build();
  site = await serveStatic(dist);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await shared?.close();
  await browser?.close();
  await site?.close();
});

describe.skipIf(!hasChromium)("the documentation site in Chromium", () => {
  it("has English and Chinese tutorial pages", () => {
    expect(guideEn().length).toBeGreaterThan(0);
    expect(guideZh().length).toBeGreaterThan(0);
  });

  it("renders every tutorial page in both languages, each example with output, elapsed time and timeline", async () => {
    let examples = 0;
    for (const path of [...guideEn(), ...guideZh()]) {
      const page = await open(path);
      const zh = path.startsWith("/zh/");
      expect(await page.locator(".vp-doc h1").count(), `${path} has a title`).toBeGreaterThan(0);
      expect(await page.locator("html").getAttribute("lang")).toBe(zh ? "zh-CN" : "en-US");
      const widgets = page.locator(".corio-example");
      const n = await widgets.count();
      for (let i = 0; i < n; i++) {
        const widget = widgets.nth(i);
        const where = `${path} example ${await widget.getAttribute("data-example")}`;
        // A missing example shows a warning instead of output; a broken one an error line.
        expect(await widget.locator(".warning").count(), `${where} exists`).toBe(0);
        expect(await widget.locator(".line.error").count(), `${where} ran cleanly`).toBe(0);
        expect(await widget.locator(".line").count(), `${where} printed`).toBeGreaterThan(0);
        const elapsed = (await widget.locator("[data-testid=elapsed]").textContent()) ?? "";
        expect(elapsed, where).toMatch(
          zh ? /耗时：\d+\.\d 秒（虚拟时间）/ : /elapsed: \d+\.\d s \(virtual time\)/,
        );
        const svg = widget.locator("svg.corio-timeline");
        expect(await svg.count(), `${where} has a timeline`).toBe(1);
        expect(await svg.locator("g.lane").count(), `${where} lanes`).toBeGreaterThan(0);
        examples++;
      }
    }
    expect(examples).toBeGreaterThan(0);
  });

  it("shows the 10 s vs 4 s lesson: sequential crawl 10.0 s, with tasks 4.0 s", async () => {
    const path = guideEn().find((p) => examplesIn(p).includes("crawl-tasks"));
    expect(path, "a page shows crawl-tasks").toBeDefined();
    const page = await open(path as string);
    const elapsed = (name: string) =>
      page.locator(`.corio-example[data-example="${name}"] [data-testid=elapsed]`).textContent();
    if (examplesIn(path as string).includes("crawl-sequential")) {
      expect(await elapsed("crawl-sequential")).toContain("10.0 s");
    }
    expect(await elapsed("crawl-tasks")).toContain("4.0 s");
  });

  it("runs each example in the browser (Run button) with the same output as the build-time run", async () => {
    let ran = 0;
    const seen = new Set<string>();
    let zhDone = false;
    for (const path of [...guideEn(), ...guideZh()]) {
      const zh = path.startsWith("/zh/");
      const names = examplesIn(path).filter((n) => !nodeOnlyIn(path).includes(n));
      // Every example once on an English page, and one on a Chinese page for its labels.
      const todo = zh ? (zhDone ? [] : names.slice(0, 1)) : names.filter((n) => !seen.has(n));
      if (todo.length === 0) continue;
      const page = await open(path);
      for (const name of todo) {
        const widget = page.locator(`.corio-example[data-example="${name}"]`).first();
        const before = await outputLines(page, name);
        // The Run button paces the virtual clock, so the browser run must print exactly the
        // build-time lines, however busy the machine is. An example covering minutes runs
        // unpaced ("∞"), and that is its default: it must not sit silent for minutes.
        const long = name === "virtual-clock";
        const select = widget.locator("[data-testid=scale]");
        if (long) expect(await select.inputValue(), `${name} runs unpaced by default`).toBe("0");
        const speed = long ? "0" : "100";
        await select.selectOption(speed);
        const run = Number(await widget.locator("[data-testid=output]").getAttribute("data-run"));
        await widget.locator("[data-testid=run]").click();
        await page.waitForSelector(
          `.corio-example[data-example="${name}"] [data-testid=output][data-source=live][data-run="${run + 1}"][data-done=true]`,
          { timeout: 60_000 },
        );
        const after = await outputLines(page, name);
        expect(after, `${path} ${name}: browser run = build-time run`).toEqual(before);
        const elapsed = (await widget.locator("[data-testid=elapsed]").textContent()) ?? "";
        const label = long ? (zh ? "全速" : "full speed") : zh ? `${speed}× 加速` : `at ${speed}×`;
        expect(elapsed, `${name} elapsed`).toContain(label);
        expect(await widget.locator("svg.corio-timeline g.lane").count()).toBeGreaterThan(0);
        seen.add(name);
        if (zh) zhDone = true;
        ran++;
      }
    }
    expect(ran).toBeGreaterThan(0);
    expect(zhDone, "ran an example on a Chinese page").toBe(true);
  });

  it("finds a term with the local search", async () => {
    const page = await open(guideEn()[0]);
    await page.locator(".VPNavBarSearch button").first().click();
    await page.locator(".VPLocalSearchBox input").fill("gather");
    await page.waitForSelector(".VPLocalSearchBox .result", { timeout: 15_000 });
    expect(await page.locator(".VPLocalSearchBox .result").count()).toBeGreaterThan(0);
    await page.keyboard.press("Escape");
  });

  it("has an API reference page for every public package, linked from the nav and sidebar", async () => {
    const packages = publicPackages();
    const dirs = readdirSync(join(root, "packages")).filter((d) => {
      const file = join(root, "packages", d, "package.json");
      return existsSync(file) && JSON.parse(readFileSync(file, "utf8")).private !== true;
    });
    expect(packages.map((p) => p.dir).sort()).toEqual(dirs.sort());
    const page = await open("/api/");
    expect(await page.locator('.VPNavBar a[href="/api/"]').count()).toBeGreaterThan(0);
    for (const pkg of packages) {
      const link = page.locator(`.VPSidebar a[href="/api/${pkg.slug}"]`);
      expect(await link.count(), `${pkg.name} in the sidebar`).toBe(1);
    }
    for (const pkg of packages) {
      const p = await open(`/api/${pkg.slug}`);
      expect(await p.locator(".vp-doc h1").first().textContent()).toContain(pkg.name);
    }
    // The Chinese edition: the same symbols under Chinese headings, in the Chinese UI.
    for (const pkg of packages) {
      const p = await open(`/zh/api/${pkg.slug}`);
      expect(await p.locator("html").getAttribute("lang")).toBe("zh-CN");
      expect(await p.locator(".vp-doc h1").first().textContent()).toContain(pkg.name);
      const h2 = await p.locator(".vp-doc h2").allTextContents();
      for (const text of h2)
        expect(text, `${pkg.name}: ${text}`).not.toMatch(
          /^(Functions|Classes|Interfaces|Type Aliases|Variables)\b/,
        );
      expect(await p.locator(`.VPSidebar a[href="/zh/api/${pkg.slug}"]`).count()).toBe(1);
    }
  });

  it("links every corio re-export to its own heading (the function taskGroup, not the class)", async () => {
    const page = await open("/api/corio");
    const href = (name: string) =>
      page
        .locator(".vp-doc td a", { hasText: new RegExp(`^${name}$`) })
        .first()
        .getAttribute("href");
    expect(await href("taskGroup")).toBe("./corio-cancel#taskgroup-1");
    expect(await href("TaskGroup")).toBe("./corio-cancel#taskgroup");
    expect(await href("timeout")).toBe("./corio-cancel#timeout-1");
  });

  it("shows the Chinese nav in Chinese, and the home page's crawl comparison in both languages", async () => {
    for (const [path, unit] of [
      ["/", "s"],
      ["/zh/", "秒"],
    ] as const) {
      const page = await open(path);
      const times = await page.locator("[data-testid=hero-elapsed]").allTextContents();
      expect(times.map((t) => t.trim())).toEqual([`10.0 ${unit}`, `4.0 ${unit}`, `4.0 ${unit}`]);
      for (const name of ["crawl-sequential", "crawl-tasks", "crawl-gather"]) {
        expect(await page.locator(`.corio-example[data-example="${name}"] svg`).count()).toBe(1);
      }
    }
    const page = await open("/zh/");
    const nav = await page.locator(".VPNavBarMenu a").allTextContents();
    expect(nav.length).toBeGreaterThan(3);
    for (const text of nav) expect(text, "a Chinese nav entry").toMatch(/[\u4e00-\u9fff]/);
  });

  it("shows Chinese code comments on Chinese pages, inside the code box", async () => {
    const page = await open("/zh/guide/control-flow");
    const code = (await page.locator(".vp-doc div[class*='language-']").allTextContents()).join(
      "\n",
    );
    expect(code).toContain("// 1. run() 启动事件循环");
    expect(code).toContain("// 12. task2 完成");
    expect(code).not.toContain("holds control");
    const overflowing = await page.locator(".vp-doc pre .line").evaluateAll((lines) =>
      lines
        .filter((l) => /\/\/.*[\u4e00-\u9fff]/.test(l.textContent ?? ""))
        .filter((l) => {
          const box = (l.closest("pre") as HTMLElement).getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(l);
          return range.getBoundingClientRect().right > box.right + 1;
        })
        .map((l) => l.textContent),
    );
    expect(overflowing).toEqual([]);
  });

  it("names timeline lanes after the tasks and labels a 250 ms axis exactly", async () => {
    const page = await open("/guide/control-flow");
    const lanes = page.locator('.corio-example[data-example="flow-concurrent"] g.lane');
    expect(await lanes.evaluateAll((gs) => gs.map((g) => g.getAttribute("data-task")))).toEqual([
      "main",
      "work_1",
      "work_2",
    ]);
    const axis = await page
      .locator('.corio-example[data-example="flow-concurrent"] g.axis text')
      .allTextContents();
    expect(axis.map((t) => t.trim())).toEqual(
      ["0.00", "0.25", "0.50", "0.75", "1.00", "1.25", "1.50", "1.75", "2.00"].map((t) => `${t} s`),
    );
  });

  it("keeps timeline text at least 10 px tall on a 390 px phone", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      await phone.goto(`${site.url}/guide/running-coroutines`, { waitUntil: "load" });
      await phone.waitForFunction(
        () => (document.querySelector("#app") as { __vue_app__?: unknown } | null)?.__vue_app__,
      );
      const svg = phone.locator('.corio-example[data-example="crawl-gather"] svg.corio-timeline');
      await svg.scrollIntoViewIfNeeded();
      const sizes = await svg.evaluate((el) => {
        const scale = (el as SVGSVGElement).getScreenCTM()?.a ?? 0;
        return Array.from(el.querySelectorAll("text")).map(
          (t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale,
        );
      });
      expect(sizes.length).toBeGreaterThan(4);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
      expect(
        await svg.locator("g.lane").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-task"))),
      ).toContain("url_4");
    } finally {
      await phone.close();
    }
  });

  it("runs a program in the playground: a tutorial example, an edited one, and one from a share link", async () => {
    const runIn = async (page: Page) => {
      const widget = page.locator(".corio-playground .corio-example");
      await widget.locator("[data-testid=scale]").selectOption("100");
      const run = Number(await widget.locator("[data-testid=output]").getAttribute("data-run"));
      await widget.locator("[data-testid=run]").click();
      await page.waitForSelector(
        `.corio-playground [data-testid=output][data-source=live][data-run="${run + 1}"][data-done=true]`,
        { timeout: 60_000 },
      );
      return widget.locator("[data-testid=output] .line .text").allTextContents();
    };
    const crawl = [
      "crawling url_1",
      "crawling url_2",
      "crawling url_3",
      "crawling url_4",
      "OK url_1",
      "OK url_2",
      "OK url_3",
      "OK url_4",
    ];
    let page = await open("/guide/running-coroutines");
    await page
      .locator('.corio-example[data-example="crawl-gather"] [data-testid=open-playground]')
      .click();
    await page.waitForURL(/\/playground\?example=crawl-gather$/);
    await page.waitForFunction(() =>
      (document.querySelector("[data-testid=code]") as HTMLTextAreaElement | null)?.value.includes(
        "gather(...tasks)",
      ),
    );
    currentPath = "/playground";
    expect(await runIn(page)).toEqual(crawl);
    expect(await page.locator('.corio-playground g.lane[data-task="url_4"]').count()).toBe(1);

    const program = [
      'import { createTask, sleep } from "corio";',
      "function* beep(n: number): Generator<unknown, number, unknown> {",
      "  yield* sleep(n * 100);",
      '  console.log("beep", n);',
      "  return n;",
      "}",
      "export function* main() {",
      '  const t = createTask(beep(2), { name: "beeper" });',
      "  yield* beep(1);",
      '  console.log("got", yield* t);',
      "}",
    ].join("\n");
    await page.locator("[data-testid=code]").fill(program);
    expect(await runIn(page)).toEqual(["beep 1", "beep 2", "got 2"]);
    await page.locator("[data-testid=share]").click();
    const link = await page.locator("[data-testid=share-url]").inputValue();
    expect(link).toMatch(/\/playground#code=[\w-]+$/);

    await open("/"); // from another page, so the link loads afresh
    page = await open(link.slice(site.url.length));
    await page.waitForFunction(() =>
      (document.querySelector("[data-testid=code]") as HTMLTextAreaElement | null)?.value.includes(
        "beeper",
      ),
    );
    expect(await page.locator("[data-testid=code]").inputValue()).toBe(program);
    expect(await runIn(page)).toEqual(["beep 1", "beep 2", "got 2"]);

    page = await open("/zh/playground?example=flow-concurrent");
    await page.waitForFunction(() =>
      (document.querySelector("[data-testid=code]") as HTMLTextAreaElement | null)?.value.includes(
        "拿到控制权",
      ),
    );
    expect(await runIn(page)).toEqual([
      "before await",
      "work_1 start",
      "work_2 start",
      "work_1 end",
      "awaited work_1",
      "work_2 end",
      "awaited work_2",
    ]);
  });

  it("serves llms.txt: the whole API as plain text", async () => {
    const res = await fetch(`${site.url}/llms.txt`);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const name of ["createTask", "gather", "TaskGroup", "Queue", "asyncio.create_task"]) {
      expect(text).toContain(name);
    }
    expect(text).not.toMatch(/<a id=|^:::/m);
  });

  it("opens every other page of the site (API, architecture, playground...) cleanly", async () => {
    for (const path of allPages()) {
      if (switches.has(path)) continue;
      await open(path);
    }
  });

  it("has no link to a missing heading on any page (API anchors included)", () => {
    const pages = allPages();
    const ids = new Map(
      pages.map((p) => [
        p,
        new Set([...htmlOf(pathFile(p)).matchAll(/ id="([^"]+)"/g)].map((m) => m[1])),
      ]),
    );
    const dead: string[] = [];
    for (const path of pages) {
      const main = htmlOf(pathFile(path)).split('class="vp-doc')[1] ?? "";
      for (const [, href] of main.matchAll(/href="([^"]*#[^"]*)"/g)) {
        if (/^[a-z]+:/.test(href)) continue;
        const [target, anchor] = href.split("#");
        const page = target ? new URL(target, `http://x${path}`).pathname : path;
        const known = ids.get(page);
        if (known && !known.has(decodeURIComponent(anchor))) dead.push(`${path} -> ${href}`);
      }
    }
    expect(dead).toEqual([]);
  });

  it("switches language from every page to a page that exists", () => {
    const pages = allPages();
    expect([...switches.keys()].sort()).toEqual(expect.arrayContaining(pages));
    const dead: string[] = [];
    for (const path of pages) {
      const targets = switches.get(path) ?? [];
      if (targets.length === 0) dead.push(`${path}: no language switch`);
      for (const t of targets) if (!pageExists(t)) dead.push(`${path} -> ${t}`);
    }
    expect(dead).toEqual([]);
  });

  it("logged no console error and no failed request on any page", () => {
    expect(consoleErrors).toEqual([]);
  });
});
