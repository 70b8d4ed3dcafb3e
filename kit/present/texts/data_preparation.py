"""Texts of data preparation in both languages (merged into :data:`kit.present.labels.LABELS`)."""

TEXTS: dict[str, dict[str, str]] = {
}
