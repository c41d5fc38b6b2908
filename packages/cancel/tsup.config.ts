import { corioTsup } from "../../tsup.shared.ts";

export default corioTsup();
