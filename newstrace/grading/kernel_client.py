"""A kernel client for grading that does not sit idle once the kernel is ready.

jupyter_client's `wait_for_ready` ends by reading IOPub until nothing has come for 0.2 s, so
every kernel start costs 0.2 s of waiting for messages that will never come. Here the handshake
is the same (kernel_info on the shell channel, then one IOPub message to prove IOPub is
connected), but the final flush only takes what has already arrived. A stale status message left
behind is harmless: nbclient ignores IOPub messages that do not answer the cell it is running.
"""

from __future__ import annotations

import math
import time
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient

SHELL_REPLY_WAIT = 1.0  # seconds for one kernel_info round (jupyter_client's value)
IOPUB_CHECK_WAIT = 0.2  # seconds for the IOPub message proving the channel is connected


class PromptKernelClient(AsyncKernelClient):
    """jupyter_client's async kernel client, minus the idle wait that ends wait_for_ready."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        """Return once the kernel answers kernel_info and IOPub is connected; raise if it died."""
        deadline = time.monotonic() + (math.inf if timeout is None else timeout)
        while True:
            self.kernel_info()
            reply = await self.next_message(self.shell_channel, SHELL_REPLY_WAIT)
            ready = reply is not None and reply["msg_type"] == "kernel_info_reply"
            if ready and await self.next_message(self.iopub_channel, IOPUB_CHECK_WAIT) is not None:
                self._handle_kernel_info_reply(reply)
                break
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")
        while await self.next_message(self.iopub_channel, 0) is not None:
            pass  # drop what has already arrived; later stale messages are ignored anyway

    @staticmethod
    async def next_message(channel, wait: float) -> dict | None:
        """Return the channel's next message within `wait` seconds, or None."""
        try:
            return await channel.get_msg(timeout=wait)
        except Empty:
            return None
