# Seed tutorial: a callback attached with add_done_callback runs once the task is done and
# reads its result.
import asyncio

from conf import now


async def crawl_page(url):
    print(now(), "crawling", url)
    await asyncio.sleep(int(url.split("_")[-1]))
    return "OK {}".format(url)


def callback(future):
    print(now(), "Callback:", future.result())


async def main():
    tasks = []
    for url in ["url_1", "url_2", "url_3", "url_4"]:
        task = asyncio.create_task(crawl_page(url))
        task.add_done_callback(callback)
        tasks.append(task)
    await asyncio.gather(*tasks)
    print(now(), "all crawled")
