"""Lazy ranges and Select-Object -First stopping the upstream commands
(PowerShell's StopUpstreamCommandsException)."""
import time

import pytest

from language_testkit import new_session, stderr_of


def run(text):
    session = new_session()
    outputs, _failed = session.run(text)
    return outputs, stderr_of(session)


def test_a_huge_range_into_select_first_stops_at_once():
    started = time.perf_counter()
    outputs, errors = run("1..10000000 | Select-Object -First 2")
    assert outputs == [1, 2] and errors == ""
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("text, expected", [
    ("1..10 | Select-Object -First 3 | Sort-Object -Descending | Select-Object -First 1", [3]),
    ("1..5 | Select-Object -Skip 2 -First 2", [3, 4]),
    ("1..5 | Select-Object -Last 2", [4, 5]),
    ("1..5 | Select-Object -First 2 -Last 1", [1, 2, 5]),
    ("'x' | Select-Object -First 0", []),
    ("1..3 | ForEach-Object { $_ * 10 } | Select-Object -First 1 | ForEach-Object { \"got $_\" }", ["got 10"]),
    # the stopped commands skip their end block; the commands from Select-Object on finish
    ("function up { process { $_ } end { 'up-end' } }; "
     "function down { process { \"d$_\" } end { 'down-end' } }; 1..9 | up | select -first 2 | down",
     ["d1", "d2", "down-end"]),
    # an enclosing pipeline is not stopped by a Select-Object inside a script block
    ("1..3 | ForEach-Object { 1..100 | Select-Object -First 1 }", [1, 1, 1]),
    ("$n = 0; 1..100 | ForEach-Object { $n++; $_ } | Select-Object -First 3 | Out-Null; $n", [3]),
    ("try { 1..1000 | Select-Object -First 1 } finally { 'finally' }", [1, "finally"]),
    ("1..4 | ForEach-Object { [pscustomobject]@{ n = $_ } } | Select-Object -First 2 -ExpandProperty n",
     [1, 2]),
])
def test_select_first_stops_the_pipeline_before_it(text, expected):
    outputs, errors = run(text)
    assert outputs == expected
    assert errors == ""


def test_ranges_still_build_arrays_outside_pipelines():
    assert run("$r = 1..4; $r.Count; (3..1)[0]")[0] == [4, 3]


def test_get_content_streams_lines(tmp_path):
    path = tmp_path / "big.log"
    path.write_text("".join(f"line {n}\n" for n in range(200000)), encoding="utf-8")
    started = time.perf_counter()
    outputs, _ = run(f"Get-Content '{path}' | Select-Object -First 2")
    assert outputs == ["line 0", "line 1"]
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("data, expected", [
    (b"a\r\nb\n\nc", ["a", "b", "", "c"]), (b"\xef\xbb\xbfx\ny\n", ["x", "y"]),
    (b"\xff\xfea\x00\n\x00b\x00", ["a", "b"]), (b"", []),
])
def test_get_content_lines_and_encodings(tmp_path, data, expected):
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    assert run(f"Get-Content '{path}' | ForEach-Object {{ $_ }}")[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("$_ = 'outer'; 1..2 | ForEach-Object { $_ }; $_", [1, 2, "outer"]),
    ("function f { $args[0]; 5 | ForEach-Object { $args.Count }; $args[0] }; f 'a'", ["a", 0, "a"]),
    ("$n = 0; 1..3 | ForEach-Object { $n += $_ }; $n", [6]),
    ("1..4 | ForEach-Object { if ($_ -eq 2) { return }; $_ }", [1, 3, 4]),
    ("1..3 | ForEach-Object { 1..2 | ForEach-Object { $_ } }", [1, 2, 1, 2, 1, 2]),
    ("(1..6).Where({ $_ % 2 })", [1, 3, 5]),
    ("1..2 | ForEach-Object { $PSItem * 2 }", [2, 4]),
])
def test_simple_script_blocks_see_their_object_and_restore_the_callers(text, expected):
    assert run(text)[0] == expected
