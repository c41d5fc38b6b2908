// 把教程里的爬虫做成真的（需要 Node）：用 @corio/streams 写一个小小的
// HTTP 服务器，提供四个页面，外加一个迟迟不回的页面；爬虫用 `fetch`
// 抓取，同时最多抓两个（Semaphore），每页限时两秒（waitFor）。
import { type StreamReader, type StreamWriter, startServer } from "@corio/streams";
import { createTask, fromPromise, gather, Semaphore, sleep, TimeoutError, waitFor } from "corio";

/** 这个站点：每个页面过 `delay` ms 才回应；/slow 则慢得离谱。 */
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
    yield* sleep(delay); // 一个慢吞吞的后端
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
  // 同时只抓两个：其余的在这里排队。
  return yield* limit.withPermit(function* () {
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    try {
      // fromPromise 会传入一个 AbortSignal：
      // waitFor 一放弃，请求就真的被中止了。
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
  server.abortClients(); // /slow 的处理函数还在睡：断掉它的连接
  yield* server.waitClosed();
}
