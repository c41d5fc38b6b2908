// Screenshots of the built site in Debian's Chromium (run `pnpm build` first):
//   tsx scripts/screenshots.ts            the home page, a tutorial with its timeline and the
//                                         playground, in English and Chinese, desktop and phone
//   tsx scripts/screenshots.ts /path ...  just these paths (desktop)
// Each PNG lands in screenshots/, named after its path and viewport (README.md shows them).
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { chromiumArgs, chromiumPath, serveStatic } from "../test/serve";

const app = dirname(dirname(fileURLToPath(import.meta.url)));

interface Shot {
  path: string;
  /** What to bring into view. */
  anchor?: string;
  /** Run the playground's program first (at full speed) so its output and timeline show. */
  run?: boolean;
}

const defaults: Shot[] = [
  { path: "/" },
  { path: "/guide/running-coroutines", anchor: '.corio-example[data-example="crawl-gather"]' },
  { path: "/playground?example=crawl-gather", run: true },
];
const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

const given = process.argv.slice(2);
const shots: Shot[] =
  given.length > 0
    ? given.map((path) => ({ path }))
    : defaults.flatMap((s) => [s, { ...s, path: `/zh${s.path}` }]);
const sizes = given.length > 0 ? (["desktop"] as const) : (["desktop", "phone"] as const);

async function prepare(page: Page, shot: Shot): Promise<void> {
  await page.waitForFunction(
    () => (document.querySelector("#app") as { __vue_app__?: unknown } | null)?.__vue_app__,
  );
  if (shot.run) {
    const widget = page.locator(".corio-playground .corio-example");
    await page.waitForFunction(
      () =>
        ((document.querySelector("[data-testid=code]") as HTMLTextAreaElement | null)?.value ?? "")
          .length > 0,
    );
    await widget.locator("[data-testid=scale]").selectOption("0");
    await widget.locator("[data-testid=run]").click();
    await page.waitForSelector(
      ".corio-playground [data-testid=output][data-done=true][data-run='1']",
    );
    await widget.locator("[data-testid=run]").scrollIntoViewIfNeeded();
  }
  if (shot.anchor) {
    await page
      .locator(shot.anchor)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: "center" }));
  }
  await page.waitForTimeout(300);
}

const site = await serveStatic(join(app, ".vitepress/dist"));
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  mkdirSync(join(app, "screenshots"), { recursive: true });
  for (const shot of shots) {
    for (const size of sizes) {
      const page = await browser.newPage({
        viewport: viewports[size],
        isMobile: size === "phone",
        deviceScaleFactor: size === "phone" ? 2 : 1,
      });
      await page.goto(site.url + shot.path, { waitUntil: "networkidle" });
      await prepare(page, shot);
      const name = shot.path
        .split("?")[0]
        .replace(/^\//, "")
        .replace(/\/$/, "")
        .replace(/\//g, "-");
      const base = name === "" ? "home" : name === "zh" ? "zh-home" : name;
      const file = join(app, "screenshots", `${base}${size === "phone" ? ".phone" : ""}.png`);
      await page.screenshot({ path: file });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
