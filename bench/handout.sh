#!/usr/bin/env bash
# The printed handouts' speed: `export FILE.html --all --weeks 8` and the
# same .pdf against `valgus --version` (the process floor), with hyperfine,
# fontconfig's cache warmed first (the PDF's first run on a machine builds
# it). Goal: each within 10x --version, judged in alternating rounds
# (bench/ratio.py; the table's medians time each command in one block, which
# a burst of other work on a shared machine lands on alone). Prints a Markdown
# table: the cache of solved weeks warm (the warm-up runs fill it, as any
# second export of the same programme finds it), then emptied before each
# run (the first export).
#   bench/handout.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build}/valgus")
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=/nonexistent/valgus-bench XDG_CACHE_HOME=$work/cache
fc-cache >/dev/null 2>&1 || true
"$bin" export "$work/warm.pdf" --all --weeks 8 >/dev/null
hyperfine -N --warmup 3 --runs 20 --export-json "$work/h.json" \
  -n version "$bin --version" \
  -n html "$bin export $work/week.html --all --weeks 8 --force" \
  -n pdf "$bin export $work/week.pdf --all --weeks 8 --force" >/dev/null
hyperfine -N --runs 5 --prepare "rm -rf $work/cache" --export-json "$work/cold.json" \
  -n html-cold "$bin export $work/week.html --all --weeks 8 --force" \
  -n pdf-cold "$bin export $work/week.pdf --all --weeks 8 --force" >/dev/null
python3 - "$work/h.json" "$work/cold.json" <<'PY'
import json, sys
results = {r["command"]: r for f in sys.argv[1:] for r in json.load(open(f))["results"]}
# Judged on medians, as bench/follow.sh is: a burst of other work on a
# shared machine moves a mean (and its σ) far more than the median.
floor = results["version"]["median"]
print("| command | mean ± σ | median | × --version (medians) |")
print("|---|---|---|---|")
for name, label in (("version", "valgus --version"), ("html", "export week.html --all --weeks 8"),
                    ("pdf", "export week.pdf --all --weeks 8"),
                    ("html-cold", "export week.html --all --weeks 8, cache emptied"),
                    ("pdf-cold", "export week.pdf --all --weeks 8, cache emptied")):
    r = results[name]
    print(f"| `{label}` | {r['mean'] * 1000:.1f} ± {(r['stddev'] or 0) * 1000:.1f} ms | {r['median'] * 1000:.1f} ms "
          f"| {r['median'] / floor:.1f} |")
PY
echo
echo "Against --version in 15 alternating rounds of 10 runs each, the weeks cached (bench/ratio.py: the"
echo "median of the rounds' ratios, and their range):"
echo
echo "| command | × --version | range | goal (10×) |"
echo "|---|---|---|---|"
python3 bench/ratio.py "$bin --version" "$bin export $work/week.html --all --weeks 8 --force" \
  "$bin export $work/week.pdf --all --weeks 8 --force" >"$work/ratio.json"
python3 - "$work/ratio.json" <<'PY'
import json, sys
for command, r in json.load(open(sys.argv[1])).items():
    kind = command.rsplit(".", 1)[1].split()[0]
    print(f"| `export week.{kind} --all --weeks 8` | {r['median']:.2f} | {r['low']:.2f} to {r['high']:.2f} "
          f"| {'met' if r['median'] <= 10 else 'not met'} |")
PY
