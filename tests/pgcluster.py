"""A throwaway PostgreSQL cluster for tests and benches: ``initdb`` + ``pg_ctl`` on a temp folder,
a free loopback port, run as a non-root user, removed afterwards.

Debian's server binaries live in ``/usr/lib/postgresql/<version>/bin`` (not on PATH); ``PG_BIN``
points elsewhere. PostgreSQL refuses to run as root, so as root the cluster runs as the
``postgres`` system user the Debian package creates (else ``nobody``); its folder is made for
that user. Durability is off (``fsync=off``): these clusters hold test data only.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


class ClusterUnavailable(RuntimeError):
    """No PostgreSQL server binaries on this machine."""


def find_bin() -> Path:
    """The folder holding initdb and pg_ctl (the newest version when several are installed)."""
    explicit = os.environ.get("PG_BIN")
    candidates = [explicit] if explicit else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
                         reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    raise ClusterUnavailable(
        "PostgreSQL's initdb/pg_ctl were not found under /usr/lib/postgresql/*/bin or on PATH; "
        "install them (apt-get install postgresql) or set PG_BIN")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_user() -> str | None:
    """The user the server runs as when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise ClusterUnavailable("running as root and neither a 'postgres' nor a 'nobody' user exists")


class Cluster:
    """One running cluster; :attr:`url` reaches its ``postgres`` database as superuser ``kroniek``."""

    def __init__(self, *, settings: dict[str, str] | None = None) -> None:
        self.bin = find_bin()
        self.user = _server_user()
        self.root = Path(tempfile.mkdtemp(prefix="kroniek-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.settings = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
                         "max_connections": "200", "shared_buffers": "128MB", **(settings or {})}
        if self.user is not None:
            info = pwd.getpwnam(self.user)
            os.chown(self.root, info.pw_uid, info.pw_gid)
        os.chmod(self.root, 0o700)
        self._run("initdb", "-D", str(self.data), "-U", "kroniek", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        self.start()

    def _cmd(self, *args: str) -> list[str]:
        cmd = [str(self.bin / args[0]), *args[1:]]
        return ["runuser", "-u", self.user, "--", *cmd] if self.user else cmd

    def _run(self, *args: str) -> None:
        proc = subprocess.run(self._cmd(*args), capture_output=True, text=True, timeout=120,
                              cwd=self.root)
        if proc.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({proc.returncode}): {proc.stderr or proc.stdout}")

    def start(self) -> None:
        options = " ".join(f"-c {k}={v}" for k, v in self.settings.items())
        options += f" -p {self.port} -c listen_addresses=127.0.0.1 -k {self.root}"
        for _ in range(3):
            try:
                self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w",
                          "-t", "60", "-o", options, "start")
                return
            except RuntimeError:
                # another process took the port meanwhile: try a new one
                self.port = free_port()
                options = options.rsplit(" -p ", 1)[0] + f" -p {self.port} -c listen_addresses=127.0.0.1 -k {self.root}"
        raise RuntimeError(f"the PostgreSQL test cluster did not start: {self.log()}")

    def log(self) -> str:
        try:
            return (self.root / "log").read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    @property
    def url(self) -> str:
        return self.url_for("postgres")

    def url_for(self, dbname: str) -> str:
        return f"postgresql://kroniek@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def wait_for(predicate, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False
