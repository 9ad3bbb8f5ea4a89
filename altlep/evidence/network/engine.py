"""Cross-sector network metrics (pure: networkx, numpy and scipy; no Django, no app).

Nodes carry a sector (public / private / social, or any label a researcher uses); ties are
typed. Several ties of different types between the same pair collapse into one edge for the
structural metrics (density, components, betweenness, constraint), as a network analyst would
count "is there a relationship"; `ties` reports the typed ties as given.

Definitions:
- density: edges / (n (n-1) / 2), as networkx.density.
- cross_sector_share: share of edges whose ends are in different sectors.
- E–I index (Krackhardt and Stern 1988): (E - I) / (E + I), E the edges between groups, I the
  edges within. Per sector: E the edges from that sector's nodes to other sectors, I the edges
  between two of its nodes. +1 all outward, -1 all inward; None where a sector has no edge.
- brokers: the highest betweenness (networkx.betweenness_centrality, normalised), exact for
  graphs up to EXACT_BETWEENNESS_MAX nodes, else sampled from `k` pivots with a fixed seed; each
  with Burt's constraint (networkx.constraint); low constraint = a broker across holes.
- isolated_from_other_sectors: nodes with no edge to another sector (including nodes with none).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

EXACT_BETWEENNESS_MAX = 5000
DEFAULT_SAMPLE = 256
SEED = 2026
TOP_BROKERS = 10


@dataclass(frozen=True)
class Tie:
    source: str
    target: str
    type: str
    when: str = ""  # ISO date or period label, for filtering; the engine does not read it


@dataclass
class Network:
    sectors: dict[str, str]  # node id -> sector
    ties: list[Tie] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # node id -> display name

    def edges(self) -> set[tuple[str, str]]:
        """Distinct unordered pairs with at least one tie (self-ties dropped)."""
        out = set()
        for t in self.ties:
            if t.source != t.target:
                out.add((t.source, t.target) if t.source < t.target else (t.target, t.source))
        return out

    def graph(self) -> nx.Graph:
        g = nx.Graph()
        g.add_nodes_from(self.sectors)
        g.add_edges_from(self.edges())
        return g


def ei_index(external: int, internal: int) -> float | None:
    """(E - I) / (E + I); None when there are no ties to judge by."""
    total = external + internal
    return None if total == 0 else (external - internal) / total


def _indexed(network: Network):
    ids = list(network.sectors)
    index = {node: i for i, node in enumerate(ids)}
    sector_names = sorted(set(network.sectors.values()))
    sector_of = np.array([sector_names.index(network.sectors[n]) for n in ids], dtype=np.int32)
    pairs = network.edges()
    if pairs:
        arr = np.array([(index[a], index[b]) for a, b in pairs], dtype=np.int64)
    else:
        arr = np.zeros((0, 2), dtype=np.int64)
    return ids, sector_names, sector_of, arr


def counts(network: Network) -> dict:
    """Everything but the brokers, with numpy and scipy (fast on a million ties)."""
    ids, sector_names, sector_of, arr = _indexed(network)
    n = len(ids)
    m = len(arr)
    a, b = arr[:, 0], arr[:, 1]
    cross = sector_of[a] != sector_of[b]
    if n:
        matrix = coo_matrix((np.ones(m), (a, b)), shape=(n, n))
        n_components, _ = connected_components(matrix, directed=False)
    else:
        n_components = 0
    per_sector = {}
    for s, name in enumerate(sector_names):
        internal = int(np.count_nonzero((sector_of[a] == s) & (sector_of[b] == s)))
        external = int(np.count_nonzero(cross & ((sector_of[a] == s) | (sector_of[b] == s))))
        per_sector[name] = {
            "nodes": int(np.count_nonzero(sector_of == s)),
            "internal": internal,
            "external": external,
            "ei_index": ei_index(external, internal),
        }
    bridged = np.zeros(n, dtype=bool)
    bridged[a[cross]] = True
    bridged[b[cross]] = True
    n_cross = int(np.count_nonzero(cross))
    return {
        "nodes": n,
        "ties": len(network.ties),
        "edges": m,
        "density": (2 * m / (n * (n - 1))) if n > 1 else 0.0,
        "components": int(n_components),
        "cross_sector_share": (n_cross / m) if m else None,
        "ei_index": {"overall": ei_index(n_cross, m - n_cross), "sectors": per_sector},
        "isolated_from_other_sectors": int(n - np.count_nonzero(bridged)),
        "isolated_ids": [ids[i] for i in np.flatnonzero(~bridged)],
    }


def brokers(
    network: Network, *, graph: nx.Graph | None = None, k: int | None = None, top: int = TOP_BROKERS
) -> tuple[list[dict], dict]:
    """The `top` nodes by betweenness, with constraint; and how betweenness was computed."""
    g = graph if graph is not None else network.graph()
    n = g.number_of_nodes()
    if k is None and n > EXACT_BETWEENNESS_MAX:
        k = DEFAULT_SAMPLE
    if k is not None and k >= n:
        k = None
    scores = nx.betweenness_centrality(g, k=k, seed=SEED if k else None, normalized=True)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], str(kv[0])))[:top]
    chosen = [node for node, _ in ranked]
    constraint = nx.constraint(g, nodes=chosen) if chosen else {}
    out = []
    for node, score in ranked:
        c = constraint.get(node)
        out.append(
            {
                "id": node,
                "name": network.labels.get(node, node),
                "sector": network.sectors.get(node, ""),
                "betweenness": score,
                "constraint": None if c is None or c != c else c,  # NaN for an isolate
            }
        )
    basis = (
        {"betweenness": "exact"}
        if k is None
        else {"betweenness": f"sampled from {k} pivots (seed {SEED})", "k": k}
    )
    return out, basis


def ties_by_sector(network: Network) -> dict[str, dict[str, int]]:
    """Per node, its distinct partners counted by their sector."""
    out: dict[str, Counter] = defaultdict(Counter)
    for a, b in network.edges():
        out[a][network.sectors[b]] += 1
        out[b][network.sectors[a]] += 1
    return {node: dict(out.get(node, {})) for node in network.sectors}


def tie_types(network: Network) -> dict[str, int]:
    return dict(sorted(Counter(t.type for t in network.ties).items()))


def metrics(network: Network, *, k: int | None = None, with_isolated_ids: bool = False) -> dict:
    """The metrics the command prints and the page shows (keys as documented in the README)."""
    result = counts(network)
    isolated = result.pop("isolated_ids")
    result["brokers"], result["basis"] = brokers(network, k=k)
    result["tie_types"] = tie_types(network)
    if with_isolated_ids:
        result["isolated_ids"] = isolated
    return result


def filtered(network: Network, *, types: set[str] | None = None, when: tuple | None = None):
    """The same nodes with only the ties of these types and/or dated within (start, end)."""
    ties = network.ties
    if types:
        ties = [t for t in ties if t.type in types]
    if when:
        start, end = when
        ties = [t for t in ties if t.when and start <= t.when[:10] <= end]
    return Network(dict(network.sectors), list(ties), dict(network.labels))
