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
const examplesIn = (path: string) =>
  [...htmlOf(path).matchAll(/class="corio-example" data-example="([^"]+)"/g)].map((m) => m[1]);

let shared: Page | null = null;
let currentPath = "";

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
      const names = examplesIn(path);
      // Every example once on an English page, and one on a Chinese page for its labels.
      const todo = zh ? (zhDone ? [] : names.slice(0, 1)) : names.filter((n) => !seen.has(n));
      if (todo.length === 0) continue;
      const page = await open(path);
      for (const name of todo) {
        const widget = page.locator(`.corio-example[data-example="${name}"]`).first();
        const before = await outputLines(page, name);
        // The Run button paces the virtual clock, so the browser run must print exactly the
        // build-time lines, however busy the machine is.
        const speed = "100";
        await widget.locator("[data-testid=scale]").selectOption(speed);
        const run = Number(await widget.locator("[data-testid=output]").getAttribute("data-run"));
        await widget.locator("[data-testid=run]").click();
        await page.waitForSelector(
          `.corio-example[data-example="${name}"] [data-testid=output][data-source=live][data-run="${run + 1}"][data-done=true]`,
          { timeout: 60_000 },
        );
        const after = await outputLines(page, name);
        expect(after, `${path} ${name}: browser run = build-time run`).toEqual(before);
        const elapsed = (await widget.locator("[data-testid=elapsed]").textContent()) ?? "";
        expect(elapsed, `${name} elapsed`).toContain(zh ? `${speed}× 加速` : `at ${speed}×`);
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
  });

  it("logged no console error and no failed request on any page", () => {
    expect(consoleErrors).toEqual([]);
  });
});
