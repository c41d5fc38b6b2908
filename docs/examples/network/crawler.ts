// The tutorial's crawler made real (needs Node): a small HTTP server written with @corio/streams
// serves four pages and one that hangs; the crawler fetches them with `fetch`, at most two at a
// time (a Semaphore), and gives each page two seconds (waitFor).
import { type StreamReader, type StreamWriter, startServer } from "@corio/streams";
import { createTask, fromPromise, gather, Semaphore, sleep, TimeoutError, waitFor } from "corio";

/** The site: each page answers after `delay` ms; /slow takes far too long. */
const PAGES: Record<string, number> = {
  "/page_1": 50,
  "/page_2": 150,
  "/page_3": 100,
  "/page_4": 50,
  "/slow": 60_000,
};

function* serveHttp(reader: StreamReader, writer: StreamWriter) {
  const head = (yield* reader.readuntil("\r\n\r\n")).toString();
  const path = head.split(" ")[1] ?? "/";
  const delay = PAGES[path];
  if (delay === undefined) {
    writer.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  } else {
    yield* sleep(delay); // a slow backend
    const body = `<h1>${path}</h1>`;
    writer.write(
      `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  writer.close();
}

let inFlight = 0;
let mostInFlight = 0;

function* crawl(base: string, path: string, limit: Semaphore) {
  // Only two fetches at a time: the others wait here.
  return yield* limit.withPermit(function* () {
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    try {
      // fromPromise passes an AbortSignal: when waitFor gives up, the request is really aborted.
      const fetched = fromPromise(async (signal: AbortSignal) => {
        const response = await fetch(base + path, { signal });
        return `${response.status}, ${(await response.text()).length} bytes`;
      });
      return yield* waitFor(fetched, 2000);
    } catch (error) {
      if (error instanceof TimeoutError) return "gave up after 2 s";
      throw error;
    } finally {
      inFlight--;
    }
  });
}

export function* main() {
  const server = yield* startServer(serveHttp, "127.0.0.1", 0);
  const base = `http://127.0.0.1:${server.sockets[0]!.port}`;
  const limit = new Semaphore(2);

  const paths = Object.keys(PAGES);
  const results = yield* gather(...paths.map((p) => createTask(crawl(base, p, limit))));
  for (const [i, path] of paths.entries()) console.log(`${path}: ${results[i]}`);
  console.log(`at most ${mostInFlight} pages in flight`);

  server.close();
  server.abortClients(); // the /slow handler is still sleeping: drop its connection
  yield* server.waitClosed();
}
