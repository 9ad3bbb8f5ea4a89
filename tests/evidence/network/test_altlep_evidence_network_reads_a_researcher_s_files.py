"""`altlep evidence network --nodes --ties [--json]` on a researcher's own files; bad files
are refused naming the file, line and field, with no traceback."""

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from altlep.cli import main

KEYS = {
    "nodes",
    "ties",
    "density",
    "components",
    "cross_sector_share",
    "ei_index",
    "brokers",
    "isolated_from_other_sectors",
}


def write(tmp_path, nodes: str, ties: str):
    n, t = tmp_path / "nodes.csv", tmp_path / "ties.csv"
    n.write_text(nodes, encoding="utf-8")
    t.write_text(ties, encoding="utf-8")
    return str(n), str(t)


def test_the_json_has_the_documented_keys_and_networkx_s_answers(tmp_path):
    g = nx.karate_club_graph()
    nodes = "id,sector\n" + "".join(f"{n},{g.nodes[n]['club']}\n" for n in g)
    ties = "source,target,type\n" + "".join(f"{a},{b},friend\n" for a, b in g.edges())
    n, t = write(tmp_path, nodes, ties)
    result = CliRunner().invoke(main, ["evidence", "network", "--nodes", n, "--ties", t, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert KEYS <= set(data)
    assert data["nodes"] == 34 and data["ties"] == 78
    assert data["density"] == pytest.approx(nx.density(g))
    assert set(data["ei_index"]) == {"overall", "sectors"}
    assert len(data["brokers"]) == 10
    assert data["brokers"][0]["id"] == "0"


def test_the_plain_output_names_the_measures(tmp_path):
    n, t = write(tmp_path, "id,sector\na,public\nb,private\n", "source,target,type\na,b,supply\n")
    result = CliRunner().invoke(main, ["evidence", "network", "--nodes", n, "--ties", t])
    assert result.exit_code == 0, result.output
    assert "E–I index: +1.000" in result.output
    assert "Ties across sectors: 100.0%" in result.output


@pytest.mark.parametrize(
    "nodes, ties, expected",
    [
        ("id,kind\na,public\n", "source,target,type\n", "nodes.csv, line 1, field 'sector'"),
        ("id,sector\na,public\nb,\n", "source,target,type\n", "nodes.csv, line 3, field 'sector'"),
        (
            "id,sector\na,public\na,social\n",
            "source,target,type\n",
            "nodes.csv, line 3, field 'id'",
        ),
        (
            "id,sector\na,public\n",
            "source,target,type\na,a,x\na,zz,supply\n",
            "ties.csv, line 3, field 'target': 'zz' is not a node",
        ),
        ("id,sector\na,public\n", "source,target\na,a\n", "ties.csv, line 1, field 'type'"),
    ],
)
def test_a_bad_file_is_refused_naming_file_line_and_field(tmp_path, nodes, ties, expected):
    n, t = write(tmp_path, nodes, ties)
    result = CliRunner().invoke(main, ["evidence", "network", "--nodes", n, "--ties", t])
    assert result.exit_code != 0
    assert expected in result.output
    assert "Traceback" not in result.output


def test_one_file_without_the_other_is_a_usage_error(tmp_path):
    n, _ = write(tmp_path, "id,sector\n", "")
    result = CliRunner().invoke(main, ["evidence", "network", "--nodes", n])
    assert result.exit_code == 2
    assert "both --nodes and --ties" in result.output
