# Seed tutorial: one task per crawl, awaited in turn: they overlap and take 4 s.
import asyncio

from conf import now


async def crawl_page(url):
    print(now(), "crawling", url)
    await asyncio.sleep(int(url.split("_")[-1]))
    print(now(), "OK", url)


async def main():
    tasks = [asyncio.create_task(crawl_page(url)) for url in ["url_1", "url_2", "url_3", "url_4"]]
    for task in tasks:
        await task
        print(now(), "awaited", tasks.index(task))
    print(now(), "done")
