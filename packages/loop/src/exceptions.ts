// Reporting errors that nobody can catch: the default handler's output, and a guard around a
// user's handler so that one that throws cannot break the loop.
import type { EventLoopLike, ExceptionContext, ExceptionHandler } from "@corio/interfaces";

/** The default exception handler: the message, the other context fields, then the error. */
export function printContext(context: ExceptionContext): void {
  const { message, exception, ...rest } = context;
  const details = Object.entries(rest)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join("\n");
  if (exception !== undefined) console.error(message, details ? `\n${details}\n` : "", exception);
  else console.error(message, details ? `\n${details}` : "");
}

/** Calls a user's handler; what it throws is printed instead of thrown. */
export function callHandler(
  handler: ExceptionHandler,
  loop: EventLoopLike,
  context: ExceptionContext,
): void {
  try {
    handler(loop, context);
  } catch (error) {
    console.error("Unhandled error in exception handler", error, context);
  }
}
