"""Organizing: articles grouped into events, events into storylines, and how well that went."""
