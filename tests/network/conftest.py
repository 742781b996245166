"""The network tests drive the real phone page: they share the browser tests' browsers."""

from browser.conftest import browsers  # noqa: F401  (a fixture)
