// @corio/internal: code several corio packages share. Private: never published, never a runtime
// dependency; each package's build (tsup.shared.ts) inlines what it uses.
export {
  checkAwaitable,
  checkCoroutine,
  checkMilliseconds,
  ensureFuture,
  isAwaitable,
  isBoundFuture,
  wrapAwaitable,
} from "./awaitable.js";
export { ParkingLot } from "./parking-lot.js";
