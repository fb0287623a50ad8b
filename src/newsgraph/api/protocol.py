"""HTTP for the worker processes of `newsgraph serve --workers N`: answers sent at once, not 40 ms late.

With several workers uvicorn binds the listening socket itself, without naming TCP as its
protocol; asyncio then leaves Nagle's algorithm on for every connection accepted from it,
and an answer written in two parts (head, then body) waits for the client's delayed
acknowledgement: about 40 ms on every request over a kept-alive connection. This protocol
turns Nagle off for each connection, as asyncio does for sockets it creates itself.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.auto import AutoHTTPProtocol

# What `uvicorn.run(http=...)` imports in each worker process.
NO_DELAY = "newsgraph.api.protocol:NoDelayHTTP"


class NoDelayHTTP(AutoHTTPProtocol):  # type: ignore[misc, valid-type]
    """uvicorn's HTTP protocol with TCP_NODELAY set on its connection."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
