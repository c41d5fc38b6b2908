import { corioTsup } from "../../tsup.shared.ts";

export default corioTsup(["src/index.ts", "src/testing.ts"]);
