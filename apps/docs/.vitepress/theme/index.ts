// The default VitePress theme plus corio's example widget, registered globally so every page can
// write <ExampleRun name="crawl-tasks" /> under its code snippet.
import type { Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import ExampleRun from "./ExampleRun.vue";
import "./style.css";

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component("ExampleRun", ExampleRun);
  },
} satisfies Theme;
