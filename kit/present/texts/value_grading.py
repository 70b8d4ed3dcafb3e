"""Texts of value grading in both languages (merged into :data:`kit.present.labels.LABELS`)."""

TEXTS: dict[str, dict[str, str]] = {
}
