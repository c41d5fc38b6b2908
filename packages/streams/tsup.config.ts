import { corioTsup } from "../../tsup.shared.ts";

export default corioTsup({ entry: ["src/index.ts", "src/browser.ts"], node: true });
