#!/usr/bin/env python3
"""How many times `--version` a command takes, measured in alternating rounds.

hyperfine runs all the runs of one command before the next, so on a shared
machine a burst of other work lands on one command and moves the ratio by
as much as the goal's margin (bench/follow.sh saw 1.30 to 2.13 for the same
build). Here each round times the floor and then every command, with
hyperfine and a few runs each, in an order that alternates from round to
round; the ratio is taken within each round and the median over rounds is
reported with its range. Nothing is subtracted: every timed run counts
towards its round's median (hyperfine's two warm-up runs per command and
round are not timed).

  bench/ratio.py [--rounds R] [--runs N] FLOOR COMMAND...

FLOOR and each COMMAND are command lines as hyperfine -N takes them. Prints
one JSON object: {"COMMAND": {"median": m, "low": l, "high": h}, ...}.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile


def round_medians(commands, runs, reverse):
    order = list(reversed(commands)) if reverse else list(commands)
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "h.json")
        args = ["hyperfine", "-N", "--warmup", "2", "--runs", str(runs), "--export-json", out]
        for index, command in enumerate(order):
            args += ["-n", str(index), command]
        done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit(f"bench/ratio.py: hyperfine failed:\n{done.stderr}")
        results = json.load(open(out))["results"]
    return {order[int(r["command"])]: r["median"] for r in results}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("floor")
    parser.add_argument("commands", nargs="+")
    options = parser.parse_args()
    if len(set([options.floor] + options.commands)) != len(options.commands) + 1:
        parser.error("each command may be given once")
    ratios = {command: [] for command in options.commands}
    for r in range(options.rounds):
        medians = round_medians([options.floor] + options.commands, options.runs, r % 2 == 1)
        for command in options.commands:
            ratios[command].append(medians[command] / medians[options.floor])
    json.dump({c: {"median": statistics.median(v), "low": min(v), "high": max(v)} for c, v in ratios.items()},
              sys.stdout)
    print()


if __name__ == "__main__":
    main()
