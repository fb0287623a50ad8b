"""Evaluation: gold readers, scorers and the reports `newsgraph eval` prints."""
