"""Version of the records-to-quads mapping (kg/mapping.py).

Bump it whenever the mapping emits different quads for the same records: incremental builds
then map every article again. Kept apart from kg.mapping so that checking it imports nothing.
"""

MAPPING_VERSION = "1"
