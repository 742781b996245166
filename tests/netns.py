"""A network namespace made by a test, joined to this one by a veth pair: `outside` is this
side's address, `inside` the namespace's. Used where a test needs a link it can degrade or
cut (tests/network, tests/venues). Needs root and iproute2; the test skips, saying why, when
the machine refuses."""

import os
import shutil
import subprocess

import pytest


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, check=check)


class VethNamespace:
    def __init__(self, name: str, outside_dev: str, inside_dev: str, outside: str, inside: str):
        self.name, self.outside_dev, self.inside_dev = name, outside_dev, inside_dev
        self.outside, self.inside = outside, inside

    def exec(self, *args: str) -> list[str]:
        """`args` as a command run inside the namespace."""
        return ["ip", "netns", "exec", self.name, *args]

    def create(self) -> None:
        if os.geteuid() != 0 or not shutil.which("ip"):
            pytest.skip("making a network namespace needs root and iproute2")
        run("ip", "netns", "del", self.name, check=False)
        run("ip", "link", "del", self.outside_dev, check=False)
        made = run("ip", "netns", "add", self.name, check=False)
        if made.returncode != 0:
            pytest.skip(f"the kernel refuses network namespaces: {made.stderr.strip()}")
        run("ip", "link", "add", self.outside_dev, "type", "veth", "peer", "name", self.inside_dev)
        run("ip", "link", "set", self.inside_dev, "netns", self.name)
        run("ip", "addr", "add", f"{self.outside}/24", "dev", self.outside_dev)
        run("ip", "link", "set", self.outside_dev, "up")
        run(*self.exec("ip", "addr", "add", f"{self.inside}/24", "dev", self.inside_dev))
        run(*self.exec("ip", "link", "set", self.inside_dev, "up"))
        run(*self.exec("ip", "link", "set", "lo", "up"))

    def remove(self) -> None:
        run("ip", "netns", "del", self.name, check=False)
        run("ip", "link", "del", self.outside_dev, check=False)
