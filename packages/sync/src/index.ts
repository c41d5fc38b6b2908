export { syncExample } from "./sync.js";
