from tests.procurement.factories import buyer_and_officer, micro  # noqa: F401
