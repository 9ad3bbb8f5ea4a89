"""Money flows ENGINE (no Django): spend readers, supplier resolution, classification,
CLES-style analysis and LM3. Data is held in a DuckDB file (see `store.py`)."""
