"""Vendor the web UI's JavaScript/CSS/data into the package and write their manifest.

    python scripts/vendor.py           # npm pack each pinned package, copy its files, write manifest
    python scripts/vendor.py --check   # verify the vendored files against manifest.json (no network)

Nothing is fetched at install or run time: the files live in src/kroniek/serve/static/vendor/
with each package's licence, and manifest.json lists name, version, licence, source (a package
URL: ``npm pack NAME@VERSION`` fetches it again), the npm tarball's integrity hash and the sha256
of every file, so their origin can be checked.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "src" / "kroniek" / "serve" / "static" / "vendor"

#: folder -> (npm package, version, licence, files inside the package -> name here)
PACKAGES: dict[str, tuple[str, str, str, dict[str, str]]] = {
    "htmx": ("htmx.org", "2.0.11", "0BSD", {
        "dist/htmx.min.js": "htmx.min.js", "LICENSE": "LICENSE"}),
    "uplot": ("uplot", "1.6.32", "MIT", {
        "dist/uPlot.iife.min.js": "uPlot.iife.min.js", "dist/uPlot.min.css": "uPlot.min.css",
        "LICENSE": "LICENSE"}),
    "leaflet": ("leaflet", "1.9.4", "BSD-2-Clause", {
        "dist/leaflet.js": "leaflet.js", "dist/leaflet.css": "leaflet.css", "LICENSE": "LICENSE",
        **{f"dist/images/{n}": f"images/{n}" for n in (
            "layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png",
            "marker-shadow.png")}}),
    "topojson-client": ("topojson-client", "3.1.0", "ISC", {
        "dist/topojson-client.min.js": "topojson-client.min.js", "LICENSE": "LICENSE"}),
    "world-atlas": ("world-atlas", "2.0.2", "ISC (code); Natural Earth data: public domain", {
        "countries-110m.json": "countries-110m.json", "LICENSE": "LICENSE"}),
    "swagger-ui": ("swagger-ui-dist", "5.35.0", "Apache-2.0", {
        "swagger-ui-bundle.js": "swagger-ui-bundle.js", "swagger-ui.css": "swagger-ui.css",
        "swagger-ui-bundle.js.LICENSE.txt": "swagger-ui-bundle.js.LICENSE.txt",
        "LICENSE": "LICENSE", "NOTICE": "NOTICE"}),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch() -> None:
    manifest = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder, (name, version, licence, files) in PACKAGES.items():
            spec = f"{name}@{version}"
            packed = json.loads(subprocess.run(["npm", "pack", spec, "--json", "--silent"], cwd=tmp,
                                               check=True, capture_output=True, text=True).stdout)[0]
            unpack = Path(tmp) / folder
            with tarfile.open(Path(tmp) / packed["filename"]) as tar:
                tar.extractall(unpack, filter="data")
            dest = VENDOR / folder
            shutil.rmtree(dest, ignore_errors=True)
            entries = {}
            for src, here in files.items():
                target = dest / here
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(unpack / "package" / src, target)
                entries[here] = sha256(target)
            manifest.append({"name": name, "version": version, "licence": licence,
                             "source": f"pkg:npm/{name}@{version}",
                             "tarball_integrity": packed["integrity"],
                             "folder": folder, "files": entries})
            print(f"{spec}: {len(entries)} files", file=sys.stderr)
    (VENDOR / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def check() -> list[str]:
    """Problems with the vendored files (empty when every checksum matches)."""
    problems = []
    for pkg in json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8")):
        for here, digest in pkg["files"].items():
            path = VENDOR / pkg["folder"] / here
            if not path.is_file():
                problems.append(f"{path} is missing")
            elif sha256(path) != digest:
                problems.append(f"{path} does not match its sha256 in manifest.json")
    return problems


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    if ap.parse_args().check:
        found = check()
        print("\n".join(found) or "all vendored files match manifest.json")
        sys.exit(1 if found else 0)
    fetch()
