#!/usr/bin/env bash
# The week's integer programme and the cache of solved weeks: each command
# with the cache warm (hyperfine's warm-up runs fill it, as a second run
# finds it) and emptied before every run (a week never solved before), and
# `plan --all` on 1,000 generated exercises that all serve the problems
# (bench/gen_catalogue.sh), CPU time from GNU time. Prints Markdown.
#   bench/weeks.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build}/valgus")
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=/nonexistent/valgus-bench XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
names=(version plan-hip plan-all export-all)
commands=("$bin --version" "$bin plan --hip-rotation --pronation" "$bin plan --all"
  "$bin export $work/out.md --all --weeks 8 --force")
args=()
for i in "${!commands[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
hyperfine -N --warmup 3 --runs 20 --export-json "$work/warm.json" "${args[@]}" >/dev/null
hyperfine -N --runs 10 --prepare "rm -rf $work/cache" --export-json "$work/cold.json" "${args[@]:3}" >/dev/null

bench/gen_catalogue.sh "$work/big" 1 1000 >/dev/null
cpu() {
  /usr/bin/time -f "%U %S" "$bin" --catalog "$work/big" plan --all 2>&1 >/dev/null | tail -1 |
    awk '{printf "%.2f", $1 + $2}'
}
rm -rf "$work/cache"
big_cold=$(cpu)
big_warm=$(cpu)

python3 - "$work/warm.json" "$work/cold.json" "$big_cold" "$big_warm" <<'PY'
import json, sys
warm = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
cold = {r["command"]: r for r in json.load(open(sys.argv[2]))["results"]}
floor = warm["version"]["mean"]
labels = {"version": "valgus --version", "plan-hip": "plan --hip-rotation --pronation", "plan-all": "plan --all",
          "export-all": "export out.md --all --weeks 8"}
def cell(r):
    return f"{r['mean'] * 1000:.1f} ± {(r['stddev'] or 0) * 1000:.1f} ms ({r['mean'] / floor:.1f}×)"
print("| command | cache warm | cache emptied before each run |")
print("|---|---|---|")
for name, label in labels.items():
    print(f"| `{label}` | {cell(warm[name])} | {cell(cold[name]) if name in cold else '-'} |")
print()
print(f"`--catalog <1,000 generated exercises> plan --all`: {sys.argv[3]} s CPU with the cache empty, "
      f"{sys.argv[4]} s CPU with it warm.")
PY
