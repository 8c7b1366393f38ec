"""Redirections: ``> file``, ``>> file``, ``2> file``, ``2>&1``, ``*> file``, ``> $null``.

Contract: run_redirected(runner, node, redirections, emit)
  * success output (stream 1) redirected to a file is formatted as Out-File does
    (the default formatter's text) and written UTF-8; ``>>`` appends;
  * ``2>&1`` merges error records into the output as objects;
  * ``2> file`` writes the rendered error records to the file instead of the host;
  * ``*>`` redirects both; ``$null`` as a target discards; streams 3-6 are
    accepted and their redirection is ignored (nothing writes them as objects).
"""
from __future__ import annotations

import os
from typing import Any, Callable

from exshell.errors import ErrorRecord, PSRuntimeError, message
from exshell.language import ast
from exshell.language import conversions as conv


def _target_path(runner: Any, node: ast.FileRedirectionAst) -> Any:
    value = runner.evaluator.eval(node.target)
    if value is None:
        return None
    text = conv.to_string(value)
    if text.lower() in ("$null", "null"):
        return None
    return os.path.abspath(os.path.expanduser(text.replace("\\", os.sep)))


def _format(objects: list, session: Any) -> str:
    if not objects:
        return ""
    try:
        from exshell.host.format import format_default
        text = format_default(objects, getattr(session.host, "width", 120))
    except ImportError:
        text = "\n".join(conv.to_string(obj) for obj in objects) + "\n"
    return text


def _render(record: ErrorRecord, session: Any) -> str:
    try:
        from exshell.host import errorview
        return errorview.render(record, session)
    except ImportError:
        return record.message


def _write(path: str, text: str, append: bool) -> None:
    try:
        with open(path, "a" if append else "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise PSRuntimeError(ErrorRecord(
            message=message("FileOpenFailure", path) if isinstance(error, FileNotFoundError)
            else str(error.strerror or error), error_id="FileOpenFailure", category="OpenError",
            target_name=path, reason=type(error).__name__)) from None


def run_redirected(runner: Any, node: ast.PipelineAst, redirections: list,
                   emit: Callable[[Any], None]) -> None:
    session = runner.session
    output_file = None
    output_append = False
    error_file = None
    error_append = False
    merge_errors = False
    discard_output = False
    discard_errors = False
    for redirection in redirections:
        if isinstance(redirection, ast.MergingRedirectionAst):
            if redirection.from_stream in ("2", "*"):
                merge_errors = True
            continue
        if not isinstance(redirection, ast.FileRedirectionAst):
            continue
        path = _target_path(runner, redirection)
        stream = redirection.stream or "1"
        if stream in ("1", "*"):
            output_file, output_append, discard_output = path, redirection.append, path is None
        if stream in ("2", "*"):
            error_file, error_append, discard_errors = path, redirection.append, path is None
    captured: list = []
    error_texts: list[str] = []
    target_emit = captured.append if (output_file or discard_output) else emit

    def on_error(record: ErrorRecord) -> None:
        if merge_errors and not (error_file or discard_errors):
            target_emit(record)
        elif error_file:
            error_texts.append(_render(record, session))

    pushed = merge_errors or error_file is not None or discard_errors
    if pushed:
        session.error_redirects.append(on_error)
    try:
        try:
            runner.run_plain(node, target_emit)
        except PSRuntimeError as error:
            if not pushed or getattr(error, "script_terminating", False) or session.try_depth > 0:
                raise
            session.report_error(error.record)
    finally:
        if pushed:
            session.error_redirects.remove(on_error)
        if output_file:
            _write(output_file, _format(captured, session), output_append)
        if error_file:
            _write(error_file, "".join(text + "\n" for text in error_texts), error_append)
