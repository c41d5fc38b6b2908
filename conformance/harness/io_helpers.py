"""Helpers for the real-I/O scenarios (io/): wait for bytes without printing, show bytes as text."""

import asyncio


async def until_buffered(reader, n):
    """Polls until the reader holds at least n bytes: makes a trace independent of chunking."""
    while len(reader._buffer) < n:
        await asyncio.sleep(0.001)


def text(data):
    """Bytes as the trace prints them."""
    return repr(data.decode())
