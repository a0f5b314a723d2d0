"""Data bundled with banmian: ``sample/``, two real pages of a city daily, the default source of ``banmian run``."""
