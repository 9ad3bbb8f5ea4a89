"""The money-flows store: one DuckDB file (or memory) holding imports, spend, awards, the
register, supplier matches, the review queue and remembered review decisions.

Every import runs in one transaction: a bad row rolls the whole file back. A file already
imported (same bytes) is skipped, and lines already present from an overlapping file are not
counted twice (a fingerprint of body, date, amount, supplier and transaction, with the
occurrence number inside the file so genuine repeats within one file are kept).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from altlep.flows.errors import FlowsInputError
from altlep.flows.names import NORMALISE_NAME_MACRO, clean_company_number, normalise_name
from altlep.flows.ocds import Award
from altlep.flows.register import (
    Company,
    first_bad_row,
    first_row_without_number,
    load_sql,
    register_header,
)
from altlep.flows.spend import SpendLine, SpendReport, detect_file, file_digest, read_spend

SCHEMA = """
CREATE SEQUENCE IF NOT EXISTS import_ids;
CREATE TABLE IF NOT EXISTS imports (
  id BIGINT PRIMARY KEY, body VARCHAR, kind VARCHAR, path VARCHAR, sha256 VARCHAR,
  rows BIGINT, skipped BIGINT, mapping VARCHAR, synthetic BOOLEAN DEFAULT FALSE,
  imported_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS spend (
  import_id BIGINT, body VARCHAR, line BIGINT, paid_on DATE, amount_pence BIGINT,
  supplier_name VARCHAR, supplier_key VARCHAR, supplier_id VARCHAR, company_number VARCHAR,
  charity_number VARCHAR, vat_number VARCHAR, department VARCHAR, category VARCHAR,
  transaction_ref VARCHAR, postcode VARCHAR, is_credit BOOLEAN, is_redacted BOOLEAN,
  fingerprint VARCHAR);
-- Data rows a spend file held that the analysis cannot use (no amount, no date), kept with
-- their line and reason for an officer to see and correct.
CREATE TABLE IF NOT EXISTS set_aside (
  import_id BIGINT, body VARCHAR, line BIGINT, reason VARCHAR, column_name VARCHAR,
  cells VARCHAR);
CREATE TABLE IF NOT EXISTS awards (
  import_id BIGINT, ocid VARCHAR, award_id VARCHAR, buyer VARCHAR, awarded_on DATE,
  amount_pence BIGINT, supplier_name VARCHAR, supplier_key VARCHAR, scheme VARCHAR,
  identifier VARCHAR, company_number VARCHAR, scale VARCHAR, vcse BOOLEAN, postcode VARCHAR);
-- No primary key on the register: an index over 5 million numbers would cost more memory
-- than the register itself; _merge_register keeps company numbers unique instead.
CREATE TABLE IF NOT EXISTS register (
  company_number VARCHAR, name VARCHAR, name_key VARCHAR, postcode VARCHAR,
  category VARCHAR, status VARCHAR, account_category VARCHAR, sic_codes VARCHAR);
CREATE TABLE IF NOT EXISTS matches (
  supplier_key VARCHAR PRIMARY KEY, company_number VARCHAR, method VARCHAR,
  confidence DOUBLE);
CREATE TABLE IF NOT EXISTS review_queue (
  supplier_key VARCHAR, company_number VARCHAR, probability DOUBLE,
  supplier_name VARCHAR, register_name VARCHAR);
CREATE TABLE IF NOT EXISTS decisions (
  supplier_key VARCHAR, company_number VARCHAR, accepted BOOLEAN, decided_by VARCHAR,
  decided_at TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (supplier_key, company_number));
"""


DEFAULT_MEMORY = "2GB"


@dataclass(frozen=True)
class ImportResult:
    body: str
    path: str
    rows: int
    skipped_duplicates: int
    already_imported: bool
    mapping: dict[str, str]
    credits: int = 0
    redacted: int = 0
    report: SpendReport | None = None

    def describe(self) -> str:
        if self.already_imported:
            return f"{self.path}: already imported for {self.body}; nothing counted twice"
        extra = ""
        if self.report is not None:
            extra = (
                f", {len(self.report.skipped)} lines skipped, "
                f"{len(self.report.set_aside)} rows set aside"
            )
        return (
            f"{self.path}: {self.rows} lines imported for {self.body} "
            f"({self.credits} credit notes, {self.redacted} redacted, "
            f"{self.skipped_duplicates} already present{extra})"
        )


class Store:
    """A DuckDB connection with the flows schema."""

    def __init__(self, path: str | Path = ":memory:", *, memory_limit: str | None = None):
        self.path = str(path)
        self.db = duckdb.connect(self.path)
        # DuckDB would take 80% of the machine; beyond this limit it spills to disk instead,
        # so a 5-million-row register fits beside the web app.
        limit = memory_limit or os.environ.get("ALTLEP_FLOWS_MEMORY") or DEFAULT_MEMORY
        self.db.execute(f"SET memory_limit = '{limit}'")
        self.db.execute(SCHEMA)
        self.db.execute(NORMALISE_NAME_MACRO)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def scalar(self, sql: str, params: Iterable = ()) -> object:
        # fetchall, not fetchone: DuckDB 2 refuses other work while a result is unfinished
        rows = self.db.execute(sql, list(params)).fetchall()
        return rows[0][0] if rows else None

    def rows(self, sql: str, params: Iterable = ()) -> list[tuple]:
        return self.db.execute(sql, list(params)).fetchall()

    # ---- imports -------------------------------------------------------------------------

    def _already(self, kind: str, body: str, digest: str) -> bool:
        return bool(
            self.scalar(
                "SELECT count(*) FROM imports WHERE kind=? AND body=? AND sha256=?",
                [kind, body, digest],
            )
        )

    def import_spend(
        self,
        path: Path,
        *,
        body: str,
        override: dict[str, str] | None = None,
        synthetic: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> ImportResult:
        """Import one spend file for `body` in one transaction (see module docstring); rows
        set aside by the reader are kept in `set_aside` with their line and reason."""
        path = Path(path)
        mapping, _ = detect_file(path, override=override)
        digest = file_digest(path)
        if self._already("spend", body, digest):
            return ImportResult(body, str(path), 0, 0, True, mapping.describe())
        report = SpendReport(str(path))
        existing = {
            r[0] for r in self.rows("SELECT DISTINCT fingerprint FROM spend WHERE body=?", [body])
        }
        self.db.execute("BEGIN TRANSACTION")
        try:
            import_id = self.scalar("SELECT nextval('import_ids')")
            batch: list[tuple] = []
            occurrences: dict[str, int] = {}
            rows = skipped = credits = redacted = 0
            for line in read_spend(path, override=override, on_bytes=progress, report=report):
                base = _fingerprint(body, line)
                occurrences[base] = occurrences.get(base, 0) + 1
                fingerprint = f"{base}:{occurrences[base]}"
                if fingerprint in existing:
                    skipped += 1
                    continue
                rows += 1
                credits += line.is_credit
                redacted += line.is_redacted
                batch.append(_spend_row(import_id, body, line, fingerprint))
                if len(batch) >= 50_000:
                    self._append("spend", batch)
                    batch = []
            self._append("spend", batch)
            self._append(
                "set_aside",
                [
                    (import_id, body, row.line, row.reason, row.column, json.dumps(row.cells))
                    for row in report.set_aside
                ],
            )
            self.db.execute(
                "INSERT INTO imports (id, body, kind, path, sha256, rows, skipped, mapping,"
                " synthetic) VALUES (?, ?, 'spend', ?, ?, ?, ?, ?, ?)",
                [
                    import_id,
                    body,
                    str(path),
                    digest,
                    rows,
                    skipped,
                    json.dumps(mapping.describe()),
                    synthetic,
                ],
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return ImportResult(
            body, str(path), rows, skipped, False, mapping.describe(), credits, redacted, report
        )

    def _append(self, table: str, batch: list[tuple]) -> None:
        """Bulk insert through Arrow: row-by-row inserts would take minutes for a million."""
        if not batch:
            return
        names = [c[0] for c in self.rows(f"DESCRIBE {table}")]
        frame = pa.table({n: list(c) for n, c in zip(names, zip(*batch, strict=True), strict=True)})
        self.db.register("_incoming", frame)
        try:
            self.db.execute(f"INSERT INTO {table} SELECT * FROM _incoming")
        finally:
            self.db.unregister("_incoming")

    def import_awards(self, awards: Iterable[Award], *, source: str, digest: str) -> int:
        """Import OCDS awards from one file; a file imported before is skipped (returns 0)."""
        if self._already("ocds", "", digest):
            return 0
        self.db.execute("BEGIN TRANSACTION")
        try:
            import_id = self.scalar("SELECT nextval('import_ids')")
            batch = [
                (
                    import_id,
                    a.ocid,
                    a.award_id,
                    a.buyer,
                    a.awarded_on,
                    a.amount_pence,
                    a.supplier_name,
                    normalise_name(a.supplier_name),
                    a.scheme,
                    a.identifier,
                    a.company_number,
                    a.scale,
                    a.vcse,
                    a.postcode,
                )
                for a in awards
            ]
            self._append("awards", batch)
            self.db.execute(
                "INSERT INTO imports (id, body, kind, path, sha256, rows, skipped, mapping)"
                " VALUES (?, '', 'ocds', ?, ?, ?, 0, '{}')",
                [import_id, source, digest, len(batch)],
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return len(batch)

    def import_register(
        self, companies: Iterable[Company], *, progress: Callable[[int], None] | None = None
    ) -> int:
        """Load register rows from Python (small registers: tests, the demo, evaluation),
        replacing any company already held, in one transaction."""
        self.db.execute("BEGIN TRANSACTION")
        try:
            self.db.execute(
                "CREATE OR REPLACE TEMP TABLE register_in AS SELECT * FROM register LIMIT 0"
            )
            batch, count = [], 0
            for company in companies:
                batch.append(
                    (
                        company.number,
                        company.name,
                        normalise_name(company.name),
                        company.postcode,
                        company.category,
                        company.status,
                        company.account_category,
                        " ".join(company.sic_codes),
                    )
                )
                count += 1
                if len(batch) >= 100_000:
                    self._append("register_in", batch)
                    batch = []
                    if progress:
                        progress(count)
            self._append("register_in", batch)
            self._merge_register()
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return count

    def import_register_file(
        self, path: Path, *, progress: Callable[[float], None] | None = None
    ) -> int:
        """Load a BasicCompanyData CSV inside DuckDB (see register.load_sql), in one
        transaction; `progress` is called with the percentage read so far."""
        path = Path(path)
        header = register_header(path)
        self.db.execute("BEGIN TRANSACTION")
        try:
            with _polling(self.db, progress):
                self.db.execute(load_sql(header), [str(path), header])
            if self.scalar("SELECT count(*) FROM register_in WHERE company_number = ''"):
                raise FlowsInputError(
                    "no company number",
                    path=str(path),
                    line=first_row_without_number(path),
                    column="CompanyNumber",
                )
            count = int(self.scalar("SELECT count(*) FROM register_in") or 0)
            self._merge_register()
            self.db.execute("COMMIT")
        except duckdb.Error as exc:
            self.db.execute("ROLLBACK")
            line, problem = first_bad_row(path)
            if line:
                raise FlowsInputError(problem, path=str(path), line=line) from exc
            first = str(exc).splitlines()[0]
            raise FlowsInputError(f"cannot read it as CSV ({first})", path=str(path)) from exc
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return count

    def _merge_register(self) -> None:
        """Move register_in into the register, replacing companies already held."""
        if self.scalar("SELECT count(*) FROM register"):
            self.db.execute(
                "DELETE FROM register WHERE company_number IN "
                "(SELECT company_number FROM register_in)"
            )
        self.db.execute(
            "INSERT INTO register SELECT DISTINCT ON (company_number) * FROM register_in"
        )
        self.db.execute("DROP TABLE register_in")

    def record_import(
        self, *, kind: str, body: str, path: str, digest: str, rows: int, synthetic: bool = False
    ) -> None:
        self.db.execute(
            "INSERT INTO imports (id, body, kind, path, sha256, rows, skipped, mapping,"
            " synthetic) VALUES (nextval('import_ids'), ?, ?, ?, ?, ?, 0, '{}', ?)",
            [body, kind, path, digest, rows, synthetic],
        )

    def bodies(self) -> list[str]:
        return [r[0] for r in self.rows("SELECT DISTINCT body FROM spend ORDER BY body")]


@contextmanager
def _polling(db: duckdb.DuckDBPyConnection, progress: Callable[[float], None] | None):
    """Report a long statement's progress from a second thread (DuckDB's own estimate)."""
    if progress is None:
        yield
        return
    done = threading.Event()

    def poll() -> None:
        while not done.wait(0.25):
            progress(max(db.query_progress(), 0.0))

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
        progress(100.0)


def _fingerprint(body: str, line: SpendLine) -> str:
    # Deliberately only what every publication of the same payment shares, so the same month
    # published twice in different layouts (Calderdale's "clean" and "processed") counts once.
    key = "|".join(
        [body, line.paid_on.isoformat(), str(line.amount_pence), normalise_name(line.supplier_name)]
    )
    return hashlib.blake2b(key.encode(), digest_size=12).hexdigest()


def _spend_row(import_id: int, body: str, line: SpendLine, fingerprint: str) -> tuple:
    return (
        import_id,
        body,
        line.line,
        line.paid_on,
        line.amount_pence,
        line.supplier_name,
        "" if line.is_redacted else normalise_name(line.supplier_name),
        line.supplier_id,
        clean_company_number(line.company_number),
        line.charity_number,
        line.vat_number,
        line.department,
        line.category,
        line.transaction,
        line.postcode,
        line.is_credit,
        line.is_redacted,
        fingerprint,
    )
