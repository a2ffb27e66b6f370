"""Settings: defaults.toml inside the package, a user TOML file (DYADWATCH_CONFIG), environment variables."""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import UsageError

ENV_OVERRIDES = {
    "DYADWATCH_MODEL": ("nlp", "model"),
    "DYADWATCH_DB": ("store", "path"),
    "DYADWATCH_WORKERS": ("ingest", "workers"),
}


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The merged settings, read once per process."""
    data = tomllib.loads(resources.files(__package__).joinpath("defaults.toml").read_text("utf-8"))
    user_file = os.environ.get("DYADWATCH_CONFIG")
    if user_file:
        try:
            data = _merge(data, tomllib.loads(Path(user_file).read_text("utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"cannot read the settings file named by DYADWATCH_CONFIG: {exc}",
                             origin=user_file) from None
    for env, (section, key) in ENV_OVERRIDES.items():
        if os.environ.get(env):
            data[section][key] = os.environ[env]
    return data


def get(section: str, key: str) -> Any:
    return settings()[section][key]


def default_db_path() -> Path:
    return Path(os.path.expandvars(os.path.expanduser(str(get("store", "path")))))
