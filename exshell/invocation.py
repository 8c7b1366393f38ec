"""The seam between the evaluator and the commands it runs.

The evaluator (exshell/language) turns a ``CommandAst`` into a ``CommandInfo``
(what to run) and a list of ``CommandElement`` (what was written after the
name, already evaluated), then asks ``exshell.binder.processor.make_processor``
for a ``CommandProcessor``.  The pipeline runner drives processors in
PowerShell's streaming order:

    for p in processors: p.begin()
    for each object from upstream: first.process(obj)   # output flows on via p.downstream
    for p in processors: p.end()

A processor writes its output by calling ``self.downstream(obj)``; the runner
connects ``downstream`` of one processor to ``process`` of the next, and the
last one to the pipeline's output collector.

Pairing ``-Name value`` happens in the binder, not here: only the binder knows
whether ``-Name`` is a switch.  So elements stay in source order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Protocol

from exshell.language.ast import Extent

NO_ARGUMENT = object()  # a parameter token without a colon argument


@dataclass(slots=True)
class ParameterElement:
    """``-Name`` or ``-Name:value`` as written.

    ``name`` has no dash; ``argument`` is the evaluated colon value or
    NO_ARGUMENT; ``text`` is the token as typed (``-Name:``); ``splatted`` marks
    entries that came from ``@hashtable`` (they rank after explicit ones).
    ``literal`` tells ``--check`` whether the argument was a literal (so its
    conversion can be checked offline).
    """

    name: str
    argument: Any = NO_ARGUMENT
    text: str = ""
    extent: Optional[Extent] = None
    argument_extent: Optional[Extent] = None
    splatted: bool = False
    literal: bool = True


@dataclass(slots=True)
class ArgumentElement:
    """An argument value (already evaluated; numeric literals arrive as
    ``ArgumentNumber`` so their text survives).  ``literal`` as above."""

    value: Any
    extent: Optional[Extent] = None
    splatted: bool = False
    literal: bool = True


CommandElement = ParameterElement | ArgumentElement


@dataclass
class InvocationInfo:
    """Where a command was invoked: for ``$MyInvocation`` and error positions."""

    command_name: str
    extent: Optional[Extent] = None          # the whole command
    name_extent: Optional[Extent] = None     # just the command name
    pipeline_position: int = 1
    pipeline_length: int = 1
    expecting_input: bool = False            # something is piped into it


@dataclass
class CommandInfo:
    """What a name resolved to.

    ``kind`` is 'Cmdlet', 'Function', 'Filter' or 'Alias'.  For cmdlets
    ``implementation`` is the Cmdlet class; for functions and filters it is the
    ``ScriptBlockAst`` of the body plus ``closure`` (the defining scope).
    """

    name: str
    kind: str
    implementation: Any
    closure: Any = None
    definition: str = ""
    module: str = ""
    _metadata: Any = field(default=None, repr=False)


class CommandProcessor(Protocol):
    downstream: Callable[[Any], None]

    def begin(self) -> None: ...
    def process(self, input_object: Any) -> None: ...
    def end(self) -> None: ...
