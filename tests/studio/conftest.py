"""Fixtures for the studio's real-port tests."""

import pytest

from tests.studio.harness import StudioProcess


@pytest.fixture
def studio(tmp_path):
    process = StudioProcess(tmp_path).start()
    yield process
    process.stop()
