"""The micro-friendliness check and its OCDS reader: pure Python, no Django."""
