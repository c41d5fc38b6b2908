// End to end: build the site, serve it on 127.0.0.1, and drive Debian's Chromium through
// playwright-core the way a reader would. Set DOCS_E2E_REUSE_BUILD=1 to test an existing build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, chromiumPath, type StaticSite, serveStatic } from "./serve";

const app = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(app, ".vitepress/dist");
const bin = (name: string) => join(app, "node_modules/.bin", name);

let site: StaticSite;
let browser: Browser;
/** Console errors and uncaught page errors, by page path. */
const consoleErrors: string[] = [];
const hasChromium = existsSync(chromiumPath);

function build(): void {
  if (process.env.DOCS_E2E_REUSE_BUILD === "1" && existsSync(join(dist, "index.html"))) return;
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
    .map((f) => `/${folder}/${f.replace(/\.html$/, "").replace(/^index$/, "")}`);
}

const guideEn = () => pagesIn("guide");
const guideZh = () => pagesIn("zh/guide");

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(`${path}: ${msg.text()}`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`${path}: ${error.message}`));
  const response = await page.goto(site.url + path, { waitUntil: "load" });
  expect(response?.status(), `${path} status`).toBe(200);
  // Hydrated: VitePress mounts the app, and the widgets' buttons become live.
  await page.waitForFunction(
    () =>
      (document.querySelector("#app") as { __vue_app__?: unknown } | null)?.__vue_app__ !==
      undefined,
  );
  return page;
}

/** Output lines of one example widget (without their time gutter). */
async function outputLines(page: Page, name: string): Promise<string[]> {
  return page
    .locator(`.corio-example[data-example="${name}"] [data-testid=output] .line .text`)
    .allTextContents();
}

beforeAll(async () => {
  if (!hasChromium) {
    if (process.env.CI)
      throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
    return;
  }
  build();
  site = await serveStatic(dist);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe.skipIf(!hasChromium)("the documentation site in Chromium", () => {
  it("has English and Chinese tutorial pages", () => {
    expect(guideEn().length).toBeGreaterThan(0);
    expect(guideZh().length).toBeGreaterThan(0);
  });

  it("renders every English and Chinese tutorial page, each example with its output and timeline", async () => {
    let examples = 0;
    for (const path of [...guideEn(), ...guideZh()]) {
      const page = await open(path);
      await expect(
        page.locator(".vp-doc h1").first().isVisible(),
        `${path} has a title`,
      ).resolves.toBe(true);
      const zh = path.startsWith("/zh/");
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe(zh ? "zh-CN" : "en-US");
      const widgets = page.locator(".corio-example");
      const n = await widgets.count();
      for (let i = 0; i < n; i++) {
        const widget = widgets.nth(i);
        const name = await widget.getAttribute("data-example");
        const where = `${path} example ${name}`;
        // A missing example shows a warning instead of output.
        await expect(widget.locator(".warning").count(), `${where} exists`).resolves.toBe(0);
        await expect(
          widget.locator(".line.error").count(),
          `${where} ran without error`,
        ).resolves.toBe(0);
        const elapsed = (await widget.locator("[data-testid=elapsed]").textContent()) ?? "";
        expect(elapsed, where).toMatch(
          zh ? /耗时：\d+\.\d 秒（虚拟时间）/ : /elapsed: \d+\.\d s \(virtual time\)/,
        );
        const svg = widget.locator("svg.corio-timeline");
        await expect(svg.count(), `${where} has a timeline`).resolves.toBe(1);
        await expect(
          svg.locator("g.lane").count(),
          `${where} timeline lanes`,
        ).resolves.toBeGreaterThan(0);
        examples++;
      }
      await page.close();
    }
    expect(examples).toBeGreaterThan(0);
  });

  it("shows the 10 s vs 4 s lesson in the crawl examples", async () => {
    const path = guideEn().find((p) =>
      readFileSync(join(dist, `${p}.html`), "utf8").includes('data-example="crawl-tasks"'),
    );
    if (path === undefined) return;
    const page = await open(path);
    const seq = page.locator(
      '.corio-example[data-example="crawl-sequential"] [data-testid=elapsed]',
    );
    if ((await seq.count()) > 0) await expect(seq.textContent()).resolves.toContain("10.0 s");
    await expect(
      page
        .locator('.corio-example[data-example="crawl-tasks"] [data-testid=elapsed]')
        .textContent(),
    ).resolves.toContain("4.0 s");
    await page.close();
  });

  it("runs each example in the browser with the same output as the build-time run", async () => {
    let ran = 0;
    const seen = new Set<string>();
    for (const path of [...guideEn(), ...guideZh()]) {
      const html = readFileSync(join(dist, `${path}.html`), "utf8");
      const names = [...html.matchAll(/class="corio-example" data-example="([^"]+)"/g)].map(
        (m) => m[1],
      );
      // Every example once (on its English page), plus one Chinese page to check its labels.
      const todo = names.filter(
        (n) =>
          !seen.has(n) ||
          (path.startsWith("/zh/") &&
            ran > 0 &&
            !seen.has(`zh:${n}`) &&
            seen.size < 1000 &&
            !seen.has("zh")),
      );
      if (todo.length === 0) continue;
      const page = await open(path);
      for (const name of todo) {
        const widget = page.locator(`.corio-example[data-example="${name}"]`).first();
        const before = await outputLines(page, name);
        await widget.locator("[data-testid=scale]").selectOption("100");
        await widget.locator("[data-testid=run]").click();
        await page.waitForSelector(
          `.corio-example[data-example="${name}"] [data-testid=output][data-source=live][data-done=true]`,
          { timeout: 30_000 },
        );
        const after = await outputLines(page, name);
        expect(after, `${path} ${name}: browser run = build-time run`).toEqual(before);
        const elapsed = (await widget.locator("[data-testid=elapsed]").textContent()) ?? "";
        expect(elapsed, `${name} elapsed`).toMatch(
          path.startsWith("/zh/") ? /100× 加速/ : /at 100×/,
        );
        await expect(widget.locator("svg.corio-timeline g.lane").count()).resolves.toBeGreaterThan(
          0,
        );
        seen.add(name);
        if (path.startsWith("/zh/")) seen.add("zh");
        ran++;
      }
      await page.close();
    }
    expect(ran).toBeGreaterThan(0);
  });

  it("finds a term with the local search", async () => {
    const page = await open(guideEn()[0]);
    await page.locator(".VPNavBarSearch button").first().click();
    const input = page.locator(".VPLocalSearchBox input");
    await input.fill("gather");
    await page.waitForSelector(".VPLocalSearchBox .result", { timeout: 10_000 });
    expect(await page.locator(".VPLocalSearchBox .result").count()).toBeGreaterThan(0);
    await page.close();
  });

  it("has an API reference page for every public package, linked from the nav", async () => {
    const packages = JSON.parse(
      readFileSync(join(app, "../../docs/api/packages.json"), "utf8"),
    ) as {
      name: string;
      slug: string;
    }[];
    const dirs = readdirSync(join(app, "../../packages")).filter((d) => {
      const file = join(app, "../../packages", d, "package.json");
      return existsSync(file) && JSON.parse(readFileSync(file, "utf8")).private !== true;
    });
    expect(packages.length).toBe(dirs.length);
    const page = await open("/api/");
    await expect(page.locator('.VPNavBar a[href^="/api/"]').count()).resolves.toBeGreaterThan(0);
    for (const pkg of packages) {
      await expect(
        page.locator(`.VPSidebar a[href="/api/${pkg.slug}"]`).count(),
        pkg.name,
      ).resolves.toBe(1);
      const p = await open(`/api/${pkg.slug}`);
      await expect(p.locator(".vp-doc h1").first().textContent()).resolves.toContain(pkg.name);
      await p.close();
    }
    await page.close();
  });

  it("logged no console error on any page", () => {
    expect(consoleErrors).toEqual([]);
  });
});
