"""Starting and stopping a real partrack-server for the end-to-end tests and the page budgets.

Each server gets a free port on 127.0.0.1 and a fresh data directory, so every scenario starts from
the freshly seeded demo (or a freshly generated province) and never touches ./data.
Standard library only: bench/page-budgets uses this module without Selenium installed.
"""

from __future__ import annotations

import datetime
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "partrack-demo"
VIETNAM = datetime.timezone(datetime.timedelta(hours=7))


def server_binary() -> Path:
    """PARTRACK_SERVER_BIN, else the debug build's binary (`swift build --show-bin-path`)."""
    explicit = os.environ.get("PARTRACK_SERVER_BIN")
    if explicit:
        path = Path(explicit)
    else:
        bin_dir = subprocess.run(
            ["swift", "build", "--show-bin-path"], cwd=REPO, check=True, capture_output=True, text=True
        ).stdout.strip()
        path = Path(bin_dir) / "partrack-server"
    if not path.is_file():
        raise FileNotFoundError(
            f"no server binary at {path}: run `swift build --product partrack-server` "
            "or set PARTRACK_SERVER_BIN"
        )
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_clear_of_vietnam_midnight(margin_minutes: int = 20) -> None:
    """PARTRACK_TODAY shifts the clock to a day but lets the time of day run, so a scenario that
    straddles midnight in Vietnam would see "today" move on mid-test. Wait out the last minutes of
    the day instead (at most `margin_minutes`)."""
    now = datetime.datetime.now(VIETNAM)
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=5, microsecond=0)
    if midnight - now < datetime.timedelta(minutes=margin_minutes):
        wait = (midnight - now).total_seconds()
        print(f"waiting {wait:.0f} s for midnight in Vietnam to pass")
        time.sleep(wait)


class PartrackServer:
    """A server process on a scratch data directory. `today` is PARTRACK_TODAY (dd/mm/yyyy)."""

    def __init__(self, binary: Path, *, today: str | None = "20/06/2023", demo: bool = True,
                 log_dir: Path | None = None, name: str = "server", data_dir: Path | None = None):
        self.binary = binary
        self.today = today
        self.demo = demo
        self.name = name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # A given data directory is the caller's and is kept; a scratch one is removed at stop().
        self.owns_data = data_dir is None
        self.data_dir = Path(tempfile.mkdtemp(prefix="partrack-e2e-")) if data_dir is None else data_dir
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = (log_dir or self.data_dir) / f"{name}.log"
        self.process: subprocess.Popen | None = None

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        for key in [k for k in env if k.startswith("PARTRACK_") or k == "DATABASE_URL"]:
            del env[key]
        env.update({
            "PARTRACK_DATA_DIR": str(self.data_dir),
            "PARTRACK_PORT": str(self.port),
            "PARTRACK_HOST": "127.0.0.1",
            "PARTRACK_WEB_DIR": str(REPO / "web"),
            "PARTRACK_DEMO": "1" if self.demo else "0",
            # Cheap password hashing: sign-ins in the tests are many and the hash is not under test.
            "PARTRACK_BCRYPT_COST": "4",
        })
        if self.today:
            env["PARTRACK_TODAY"] = self.today
        return env

    def run_command(self, *arguments: str, timeout: float = 1800) -> str:
        """Runs `partrack-server <arguments>` on this server's data directory (e.g. `generate`)."""
        result = subprocess.run(
            [str(self.binary), *arguments], cwd=REPO, env=self.environment(), capture_output=True,
            text=True, timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(f"partrack-server {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self, timeout: float = 180, append_log: bool = False) -> "PartrackServer":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "a" if append_log else "w")
        self.process = subprocess.Popen(
            [str(self.binary), "serve"], cwd=REPO, env=self.environment(), stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {self.log_path}:\n"
                                   + self.log_path.read_text()[-3000:])
            try:
                with urllib.request.urlopen(self.base + "/api/v1/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        self.stop()
        raise TimeoutError(f"{self.name} did not answer within {timeout} s; see {self.log_path}")

    def stop(self, keep_data: bool = False) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.owns_data and not keep_data:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def restart(self, today: str) -> "PartrackServer":
        """Days pass: the same data directory and port, served again with PARTRACK_TODAY=`today`.
        Sessions live in the database, so signed-in browsers stay signed in."""
        self.stop(keep_data=True)
        self.today = today
        with open(self.log_path, "a") as log:
            log.write(f"\n--- restarted with PARTRACK_TODAY={today} ---\n")
        return self.start(append_log=True)

    def __enter__(self) -> "PartrackServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


CSRF_FIELD = re.compile(r'name="_csrf" value="([^"]+)"')


class HttpSession:
    """A cookie-keeping HTTP client that signs in through the form, as a browser would."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path: str, data: dict | None = None, headers: dict | None = None):
        """Returns (status, final URL, body bytes); redirects are followed, errors are returned."""
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.geturl(), response.read()
        except urllib.error.HTTPError as error:
            return error.code, self.base + path, error.read()

    def get_text(self, path: str) -> str:
        status, url, body = self.request(path)
        if status != 200:
            raise AssertionError(f"GET {path} answered {status}")
        return body.decode()

    def csrf(self, path: str = "/dang-nhap") -> str:
        match = CSRF_FIELD.search(self.get_text(path))
        if not match:
            raise AssertionError(f"no _csrf field on {path}")
        return match.group(1)

    def sign_in(self, username: str, password: str = DEMO_PASSWORD) -> str:
        """Posts the sign-in form; returns the path of the start page it lands on."""
        token = self.csrf("/dang-nhap")
        status, url, _ = self.request(
            "/dang-nhap", {"_csrf": token, "next": "", "username": username, "password": password})
        path = urllib.parse.urlsplit(url).path
        if status != 200 or path == "/dang-nhap":
            raise AssertionError(f"sign-in as {username} failed: {status} at {url}")
        return path
