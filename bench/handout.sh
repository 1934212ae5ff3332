#!/usr/bin/env bash
# The printed handouts' speed: `export FILE.html --all --weeks 8` and the
# same .pdf against `valgus --version` (the process floor), with hyperfine,
# fontconfig's cache warmed first (the PDF's first run on a machine builds
# it). Goal: each within 10x --version. Prints a Markdown table.
#   bench/handout.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build}/valgus")
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=/nonexistent/valgus-bench
fc-cache >/dev/null 2>&1 || true
"$bin" export "$work/warm.pdf" --all --weeks 8 >/dev/null
hyperfine -N --warmup 3 --runs 20 --export-json "$work/h.json" \
  -n version "$bin --version" \
  -n html "$bin export $work/week.html --all --weeks 8 --force" \
  -n pdf "$bin export $work/week.pdf --all --weeks 8 --force" >/dev/null
python3 - "$work/h.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
floor = results["version"]["mean"]
print("| command | mean ± σ | × --version |")
print("|---|---|---|")
for name, label in (("version", "valgus --version"), ("html", "export week.html --all --weeks 8"),
                    ("pdf", "export week.pdf --all --weeks 8")):
    r = results[name]
    print(f"| `{label}` | {r['mean'] * 1000:.1f} ± {(r['stddev'] or 0) * 1000:.1f} ms | {r['mean'] / floor:.1f} |")
PY
