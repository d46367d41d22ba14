"""Which of a month's totals may be published without disclosing what one or two establishments
reported, alone or by subtracting one published total from another.

A threshold on each total is not enough. A commune with four establishments, three of them
homestays, publishes its total (4) and its homestays' total (3); the first minus the second is the
fourth establishment's own revenue. The same holds for any sum or difference of totals: the
province minus every commune but one, a kind minus its communes, and so on.

The rule used here makes every such combination safe, not only pairwise differences:

1. A month's contributions are cut into disjoint *atoms*, each a set of (commune, kind) cells, and
   each atom is made of at least `minimum` establishments where possible (small cells are merged).
2. A total is published only when it is exactly a union of atoms, every one of them safe.

Any sum or difference of published totals is then a combination of safe atoms, and a combination
that is not zero covers at least one whole atom, so it always involves `minimum` establishments or
more. A year-to-date total is the union of its months' totals, so it is published only when every
month it sums is (`selectors`).

Which atoms to merge is a choice between totals: a homestay alone in a commune must be hidden
either in its commune's other kinds (the province's total of homestays is then withheld) or in
other communes' homestays (the commune's total is then withheld). Communes come first here: the
province's own total first, then each commune's, then kinds within a commune, then kinds across the
province. `docs/decisions/0014-tourism-statistics.md` says the same for readers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from .models import total_scope

# A total that fewer establishments make up is never published, nor any total from which, with
# others, it could be worked out.
MIN_ESTABLISHMENTS = 3

Cell = tuple[str, str]  # (commune code, or "" for an establishment with no commune; kind)


@dataclass
class _Atom:
    cells: set[Cell] = field(default_factory=set)
    establishments: int = 0

    def absorb(self, other: _Atom) -> None:
        self.cells |= other.cells
        self.establishments += other.establishments


def atoms(cells: Mapping[Cell, int], *, minimum: int = MIN_ESTABLISHMENTS) -> list[_Atom]:
    """Cut one month's cells (how many establishments reported in each) into atoms."""
    cells = {cell: n for cell, n in cells.items() if n > 0}
    per_commune: dict[str, int] = defaultdict(int)
    for (commune, _kind), n in cells.items():
        per_commune[commune] += n
    # Communes whose own total is withheld anyway (and establishments without a commune): their
    # cells are pooled per kind, which keeps the kinds' totals and costs no commune's.
    small = {commune for commune, n in per_commune.items() if n < minimum or not commune}
    pooled: dict[str, _Atom] = defaultdict(_Atom)
    result: list[_Atom] = []
    for commune in sorted(per_commune.keys() - small):
        own = sorted(
            ((kind, n) for (c, kind), n in cells.items() if c == commune), key=lambda kn: (kn[1], kn[0])
        )
        safe = [_Atom({(commune, kind)}, n) for kind, n in own if n >= minimum]
        rest = _Atom()
        for kind, n in own:
            if n < minimum:
                rest.absorb(_Atom({(commune, kind)}, n))
        if rest.cells and rest.establishments < minimum:
            # The smallest safe kind of the commune hides the small ones; the commune has at least
            # `minimum` establishments, so there is one.
            rest.absorb(safe.pop(0))
        result += safe + ([rest] if rest.cells else [])
    for (commune, kind), n in cells.items():
        if commune in small:
            pooled[kind].absorb(_Atom({(commune, kind)}, n))
    pooled_atoms = sorted(pooled.values(), key=lambda a: (a.establishments, sorted(a.cells)))
    safe_pooled = [a for a in pooled_atoms if a.establishments >= minimum]
    leftover = _Atom()
    for atom in pooled_atoms:
        if atom.establishments < minimum:
            leftover.absorb(atom)
    if leftover.cells and leftover.establishments < minimum:
        # Hide the leftover in the smallest other atom, pooled ones first (that costs only a kind's
        # province total); else in a commune's, which costs that commune's total but keeps the
        # province's. With fewer than `minimum` establishments in the month nothing can hide it.
        donors = safe_pooled or sorted(result, key=lambda a: (a.establishments, sorted(a.cells)))
        if donors:
            donor = donors[0]
            (safe_pooled if donor in safe_pooled else result).remove(donor)
            leftover.absorb(donor)
    return result + safe_pooled + ([leftover] if leftover.cells else [])


def publishable(cells: Mapping[Cell, int], *, minimum: int = MIN_ESTABLISHMENTS) -> set[str]:
    """The scopes (`models.total_scope`) whose totals may be published for a month with these
    cells: those that are exactly a union of safe atoms."""
    cut = atoms(cells, minimum=minimum)
    published: set[str] = set()
    if cut and all(a.establishments >= minimum for a in cut):
        published.add(total_scope())
    by_commune: dict[str, list[_Atom]] = defaultdict(list)
    by_kind: dict[str, list[_Atom]] = defaultdict(list)
    for atom in cut:
        for commune in {c for c, _k in atom.cells}:
            by_commune[commune].append(atom)
        for kind in {k for _c, k in atom.cells}:
            by_kind[kind].append(atom)
    for commune, touching in by_commune.items():
        if commune and all(
            a.establishments >= minimum and {c for c, _k in a.cells} == {commune} for a in touching
        ):
            published.add(total_scope(commune=commune))
    for kind, touching in by_kind.items():
        if all(a.establishments >= minimum and {k for _c, k in a.cells} == {kind} for a in touching):
            published.add(total_scope(kind=kind))
    for atom in cut:
        if len(atom.cells) == 1 and atom.establishments >= minimum:
            commune, kind = next(iter(atom.cells))
            if commune:
                published.add(total_scope(commune=commune, kind=kind))
    return published
