"""The grammar file is found and its compiled form cached per grammar text."""
from __future__ import annotations

import os
import subprocess
import sys

from exshell.language import parser


def test_grammar_file_is_the_repository_grammar():
    path = parser.grammar_path()
    assert path.name == "powershell.lark"
    assert "%declare" in path.read_text(encoding="utf-8")


def test_cache_lives_under_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache = parser._cache_file("grammar text")
    assert cache is not None and cache.startswith(str(tmp_path / "exshell"))
    assert cache != parser._cache_file("other grammar text")


def test_unwritable_cache_directory_means_no_cache(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert parser._cache_file("grammar text") is None


def test_a_fresh_process_writes_then_reuses_the_cache(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    program = "from exshell.language.parser import parse; print(parse('1+1').end[0].extent.text)"
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True,
                                text=True, timeout=60)
        assert result.stdout.strip() == "1+1", result.stderr
    assert list((tmp_path / "exshell").iterdir())
