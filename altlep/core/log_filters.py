"""Logging filters named in settings.LOGGING."""

import logging

# Refusals the site gives on purpose (a page not found, a permission refused, a form address
# visited): worth a line in the log, never a traceback, which would bury the real errors.
EXPECTED_REFUSALS = frozenset({401, 403, 404, 405, 410})


class ExpectedRefusalsOnOneLine(logging.Filter):
    """Drop the traceback Django attaches to its log line for an expected refusal."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) in EXPECTED_REFUSALS:
            record.exc_info = None
            record.exc_text = None
        return True
