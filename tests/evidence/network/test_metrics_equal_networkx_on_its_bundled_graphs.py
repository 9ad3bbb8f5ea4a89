"""The engine's metrics equal networkx's own on its bundled real graphs: Zachary's karate club
(sectors: the two clubs it split into) and Padgett's Florentine families (one sector)."""

import networkx as nx
import pytest

from altlep.evidence.network.engine import Network, Tie, brokers, counts, metrics


def as_network(g: nx.Graph, sector) -> Network:
    return Network(
        {str(n): sector(n) for n in g}, [Tie(str(a), str(b), "tie") for a, b in g.edges()]
    )


GRAPHS = {
    "karate": (nx.karate_club_graph(), lambda g: lambda n: g.nodes[n]["club"]),
    "florentine": (nx.florentine_families_graph(), lambda g: lambda n: "family"),
}


@pytest.mark.parametrize("name", GRAPHS)
def test_density_and_components_equal_networkx(name):
    g, sector = GRAPHS[name]
    result = counts(as_network(g, sector(g)))
    assert result["density"] == pytest.approx(nx.density(g))
    assert result["components"] == nx.number_connected_components(g)
    assert result["edges"] == g.number_of_edges()


@pytest.mark.parametrize("name", GRAPHS)
def test_brokers_are_networkx_s_highest_betweenness_with_its_constraint(name):
    g, sector = GRAPHS[name]
    expected = nx.betweenness_centrality(g)
    constraint = nx.constraint(g)
    found, basis = brokers(as_network(g, sector(g)))
    assert basis == {"betweenness": "exact"}
    top = sorted(expected.values(), reverse=True)[:10]
    assert [b["betweenness"] for b in found] == pytest.approx(top)
    for b in found:
        node = next(n for n in g if str(n) == b["id"])
        assert b["betweenness"] == pytest.approx(expected[node])
        assert b["constraint"] == pytest.approx(constraint[node])


def test_karate_club_cross_sector_share_is_the_share_of_ties_between_the_two_clubs():
    g = nx.karate_club_graph()
    across = sum(1 for a, b in g.edges() if g.nodes[a]["club"] != g.nodes[b]["club"])
    result = metrics(as_network(g, lambda n: g.nodes[n]["club"]))
    assert result["cross_sector_share"] == pytest.approx(across / g.number_of_edges())
    assert result["ei_index"]["overall"] == pytest.approx(
        (across - (g.number_of_edges() - across)) / g.number_of_edges()
    )


def test_florentine_families_in_one_sector_have_no_tie_across_sectors():
    g = nx.florentine_families_graph()
    result = metrics(as_network(g, lambda n: "family"))
    assert result["ei_index"]["overall"] == -1
    assert result["isolated_from_other_sectors"] == g.number_of_nodes()
    assert result["brokers"][0]["name"] == "Medici"
