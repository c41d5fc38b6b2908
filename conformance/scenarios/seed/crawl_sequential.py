# Seed tutorial: awaiting each crawl in turn takes 1 + 2 + 3 + 4 = 10 s.
import asyncio

from conf import now


async def crawl_page(url):
    print(now(), "crawling", url)
    await asyncio.sleep(int(url.split("_")[-1]))
    print(now(), "OK", url)


async def main():
    for url in ["url_1", "url_2", "url_3", "url_4"]:
        await crawl_page(url)
    print(now(), "done")
