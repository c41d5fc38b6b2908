// The default VitePress theme plus corio's widgets: <ExampleRun name="crawl-tasks" /> under a code
// snippet, <Playground /> on the playground page, and the crawl comparison in the home hero.
import type { Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import { h } from "vue";
import ExampleRun from "./ExampleRun.vue";
import HomeHero from "./HomeHero.vue";
import Playground from "./Playground.vue";
import "./style.css";

export default {
  extends: DefaultTheme,
  Layout: () => h(DefaultTheme.Layout, null, { "home-hero-image": () => h(HomeHero) }),
  enhanceApp({ app }) {
    app.component("ExampleRun", ExampleRun);
    app.component("Playground", Playground);
  },
} satisfies Theme;
