"""The benchmark behind ``make bench``: synthetic explainers, timed builds, a table.

``synth`` writes explainers of any size in the seed's format; ``measure`` times one build
in a fresh process; ``serve`` times a save under ``mkdocs serve``; ``run`` puts it together.
"""
