"""E–I index (Krackhardt and Stern): (external - internal) / (external + internal)."""

from altlep.evidence.network.engine import Network, Tie, counts, ei_index


def test_the_formula_on_hand_computed_counts():
    assert ei_index(3, 1) == 0.5
    assert ei_index(0, 4) == -1
    assert ei_index(2, 0) == 1
    assert ei_index(0, 0) is None


def test_a_small_network_s_index_overall_and_per_sector():
    # public P1; private A, B; social S. Ties: A-B (within private), A-P1, B-S, P1-S (across).
    network = Network(
        {"P1": "public", "A": "private", "B": "private", "S": "social", "Z": "social"},
        [
            Tie("A", "B", "supply"),
            Tie("A", "P1", "supply"),
            Tie("B", "S", "group"),
            Tie("P1", "S", "board"),
            Tie("B", "A", "group"),  # a second tie between A and B: one related pair
        ],
    )
    result = counts(network)
    assert result["edges"] == 4 and result["ties"] == 5
    # overall: 3 across, 1 within → (3 - 1) / 4
    assert result["ei_index"]["overall"] == 0.5
    sectors = result["ei_index"]["sectors"]
    # private: 1 within (A-B), 2 across (A-P1, B-S) → 1/3
    assert sectors["private"]["internal"] == 1 and sectors["private"]["external"] == 2
    assert abs(sectors["private"]["ei_index"] - 1 / 3) < 1e-12
    # public: P1-A and P1-S are both across → +1
    assert sectors["public"]["ei_index"] == 1
    # social: S's two ties are across; Z has none → +1
    assert sectors["social"]["ei_index"] == 1
    assert result["cross_sector_share"] == 0.75
    assert result["isolated_from_other_sectors"] == 1  # Z
    assert result["components"] == 2
    assert result["density"] == 4 / 10
