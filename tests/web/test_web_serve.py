"""``marsad serve`` as a user starts it: a real server process (two workers) on a port."""

from __future__ import annotations

import gc
import http.client
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import anyio.to_thread
from fastapi.testclient import TestClient

from marsad.web.app import READ_THREADS
from marsad.web.writes import WRITE_THREADS


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_web_serve_answers_pages_and_api(web_db: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "marsad",
            "--db",
            str(web_db),
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(150):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/stories", timeout=2
                ) as got:
                    assert got.status == 200
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError(f"marsad serve did not answer: {server.stderr.read1().decode()}")  # type: ignore[union-attr]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as got:
            assert got.status == 200
            assert "default-src 'none'" in got.headers["Content-Security-Policy"]
        # a kept-alive connection is closed now and then (one answer in ten, at random), and
        # the client's next request, on a new connection, is answered all the same
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        closed = 0
        for _ in range(200):
            connection.request("GET", "/api/stories?limit=1")
            got = connection.getresponse()
            assert got.status == 200 and got.read()
            closed += got.headers.get("Connection", "").lower() == "close"
        connection.close()
        assert 0 < closed < 100
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_web_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "marsad", "--db", str(tmp_path / "none.db"), "serve"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "none.db" in done.stderr
    assert not (tmp_path / "none.db").exists()


def test_web_serve_threads_of_a_process(client: TestClient) -> None:
    # pages take turns on READ_THREADS threads; writes have threads of their own; what the
    # process held once started is out of the collector's full passes
    async def tokens() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    assert client.portal is not None
    assert client.portal.call(tokens) == READ_THREADS
    assert client.app.state.writes.total_tokens == WRITE_THREADS  # type: ignore[attr-defined]
    assert gc.get_freeze_count() > 0
