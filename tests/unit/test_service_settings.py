"""ServiceSettings: every runtime setting is read from the environment, with its documented default."""

from __future__ import annotations

import pytest

from oms_platform.messaging.parking import ParkingSettings
from oms_platform.settings import ConfigurationError, ServiceSettings


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("OMS_PARKED_RETRY_SECONDS", "OMS_PARKED_MAX_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_parking_defaults_are_the_consumers_defaults(clean_env: pytest.MonkeyPatch) -> None:
    settings = ServiceSettings()
    assert (settings.parked_retry_seconds, settings.parked_max_seconds) == (10.0, 86400.0)
    assert ParkingSettings() == ParkingSettings(max_seconds=86400.0, retry_seconds=10.0)


def test_parking_is_set_from_the_environment(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("OMS_PARKED_RETRY_SECONDS", "0.5")
    clean_env.setenv("OMS_PARKED_MAX_SECONDS", "3600")
    settings = ServiceSettings.load()
    assert (settings.parked_retry_seconds, settings.parked_max_seconds) == (0.5, 3600.0)


def test_a_retry_that_never_comes_is_refused(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("OMS_PARKED_RETRY_SECONDS", "0")
    with pytest.raises(ConfigurationError, match="OMS_PARKED_RETRY_SECONDS"):
        ServiceSettings.load()
