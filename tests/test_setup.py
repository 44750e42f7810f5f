"""What a fresh machine without the fact sheets' fonts gets: one line naming the package, never a
hang or a traceback (make build installs the fonts as root; tools/system-packages)."""
from __future__ import annotations

import shutil

from conftest import copy_project, run_generator


def test_a_build_with_no_fonts_visible_says_what_to_install(tmp_path, monkeypatch):
    root = copy_project(tmp_path / "p")
    shutil.rmtree(root / "build" / "cache", ignore_errors=True)  # the sheets must be drawn
    empty = tmp_path / "fonts.conf"  # fontconfig with no font directory: no font at all
    empty.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n',
                     encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(empty))
    run = run_generator(root, "build")
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert len(lines) == 2 and "apt-get install fonts-noto-cjk fonts-dejavu-core" in lines[0] and "fact sheet" in lines[0]
    assert not (root / "build" / "docs").exists()  # nothing half-written
