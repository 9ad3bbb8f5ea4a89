"""The matching engine on hand-made cases whose answers are known."""

from altlep.geo.postcodes import locate
from altlep.supply.matching import Need, Supplier, assess, match


def at(postcode: str, **fields) -> dict:
    where = locate(postcode)
    return {"easting": where.easting, "northing": where.northing, **fields}


def test_a_closer_cpv_code_beats_a_farther_one():
    need = Need(cpv_codes=("55520000",))
    exact = Supplier("a", "Exact Catering", ("55520000",))
    same_division = Supplier("b", "Some Hotel", ("55300000",))
    wider = Supplier("c", "Canteens", ("55500000",))
    ranked = [m.supplier.key for m in match(need, [same_division, wider, exact])]
    assert ranked == ["a", "c", "b"]


def test_a_firm_in_another_division_is_not_listed_and_says_why():
    m = assess(Need(cpv_codes=("55520000",)), Supplier("x", "Printers", ("79810000",)))
    assert not m.listed
    assert m.reasons == ("Offers nothing close to what is needed",)


def test_the_nearer_firm_ranks_first_by_real_postcodes():
    need = Need(cpv_codes=("90910000",), **at("PR1 2HE"))
    preston = Supplier("preston", "Preston Cleaners", ("90910000",), **at("PR2 9YJ"))
    lancaster = Supplier("lancaster", "Lancaster Cleaners", ("90910000",), **at("LA1 1HP"))
    found = match(need, [lancaster, preston])
    assert [m.supplier.key for m in found] == ["preston", "lancaster"]
    assert round(found[0].distance_km, 1) == 2.9
    assert round(found[1].distance_km, 1) == 32.6


def test_capacity_below_the_value_excludes_a_firm():
    need = Need(cpv_codes=("45442100",), value_pence=50_000_00)
    small = Supplier("s", "Small Painters", ("45442100",), max_contract_pence=20_000_00)
    big = Supplier("b", "Big Painters", ("45442100",), max_contract_pence=80_000_00)
    assert [m.supplier.key for m in match(need, [small, big])] == ["b"]
    refused = assess(need, small)
    assert "Can take contracts only up to a smaller value" in refused.reasons[0]


def test_a_firm_beyond_its_own_radius_is_not_listed():
    need = Need(cpv_codes=("90910000",), **at("LA1 1HP"))
    local_only = Supplier(
        "p", "Preston Cleaners", ("90910000",), serves_radius_km=10, **at("PR1 2HE")
    )
    m = assess(need, local_only)
    assert not m.listed and "Serves 10 km from its base" in m.reasons[0]


def test_micro_enterprises_come_first_among_equals():
    need = Need(cpv_codes=("72212000",))
    small = Supplier("a-small", "Alpha Software", ("72212000",), size_band="small")
    micro = Supplier("z-micro", "Zeta Software", ("72212000",), size_band="micro")
    assert [m.supplier.key for m in match(need, [small, micro])] == ["z-micro", "a-small"]


def test_a_clearly_better_small_firm_still_beats_a_micro_one():
    need = Need(cpv_codes=("72212000",))
    small = Supplier("small", "Exact Software", ("72212000",), size_band="small")
    micro = Supplier("micro", "Nearby IT", ("72000000",), size_band="micro")
    assert [m.supplier.key for m in match(need, [micro, small])] == ["small", "micro"]


def test_words_find_a_firm_that_gave_no_matching_code():
    need = Need(words="bread and cakes")
    bakery = Supplier("k", "Bakery", ("15811000",), capabilities="Fresh bread, cakes and pastries")
    m = assess(need, bakery)
    assert m.listed and "“bread”" in m.reasons[0]


def test_firms_outside_the_area_are_not_listed():
    m = assess(Need(cpv_codes=("55520000",)), Supplier("o", "Far Away", ("55520000",), local=False))
    assert not m.listed and m.reasons == ("Is outside the partnership area",)


def test_match_lists_exactly_the_firms_assess_lists_on_random_directories():
    import random

    rng = random.Random(7)
    codes = ["45310000", "45330000", "45300000", "45000000", "55520000", "90910000", "90919200"]
    for _ in range(30):
        firms = [
            Supplier(
                f"f{k}",
                f"Firm {k}",
                tuple(rng.sample(codes, rng.randint(1, 2))),
                capabilities=rng.choice(["", "cleaning offices", "plumbing and heating"]),
                easting=350_000 + rng.randint(-40_000, 40_000),
                northing=430_000 + rng.randint(-40_000, 40_000),
                size_band=rng.choice(["micro", "small", "medium"]),
                social_economy=rng.random() < 0.3,
                turnover_pence=rng.choice([None, 30_000_00, 300_000_00]),
                max_contract_pence=rng.choice([None, 10_000_00, 100_000_00]),
                serves_radius_km=rng.choice([None, 15, 40]),
                local=rng.random() < 0.9,
            )
            for k in range(25)
        ]
        need = Need(
            cpv_codes=tuple(rng.sample(codes, rng.randint(0, 2))),
            words=rng.choice(["", "office cleaning"]),
            easting=350_000,
            northing=430_000,
            value_pence=rng.choice([None, 20_000_00]),
        )
        listed = {m.supplier.key: m.score for m in match(need, firms, limit=None)}
        expected = {f.key: assess(need, f).score for f in firms if assess(need, f).listed}
        assert listed == expected
