"""The store: articles and everything extracted from them, in SQLite or PostgreSQL."""
