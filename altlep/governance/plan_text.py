"""The strategy's text split into sections by its `## ` headings. ENGINE: no Django."""


def sections(body: str) -> list[tuple[str, str]]:
    """(heading, text) pairs in order; text before the first heading is the "Introduction"."""
    out: list[tuple[str, list[str]]] = [("Introduction", [])]
    for line in body.splitlines():
        if line.startswith("## "):
            out.append((line[3:].strip(), []))
        else:
            out[-1][1].append(line)
    found = [(h, "\n".join(lines).strip()) for h, lines in out]
    return [s for s in found if s[0] != "Introduction" or s[1]]


def replace_section(body: str, heading: str, text: str) -> str:
    """The body with one section's text replaced (a new section is added at the end)."""
    parts = sections(body)
    if heading not in {h for h, _ in parts}:
        parts.append((heading, text.strip()))
    else:
        parts = [(h, text.strip() if h == heading else t) for h, t in parts]
    chunks = []
    for h, t in parts:
        chunks.append(t if h == "Introduction" else f"## {h}\n\n{t}")
    return "\n\n".join(chunks).strip()
