# Seed tutorial: asyncio.gather over one task per crawl: 4 s, results in argument order.
import asyncio

from conf import now


async def crawl_page(url):
    print(now(), "crawling", url)
    await asyncio.sleep(int(url.split("_")[-1]))
    print(now(), "OK", url)
    return url.upper()


async def main():
    tasks = [asyncio.create_task(crawl_page(url)) for url in ["url_3", "url_1", "url_4", "url_2"]]
    results = await asyncio.gather(*tasks)
    print(now(), "gathered", results)
