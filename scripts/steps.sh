# Sourced by scripts/test and .ci/run: `step NAME COMMAND...` runs a command
# and prints its wall time; steps_summary prints them all at the end, so a
# slow step shows in CI's log without reading timestamps. Plain bash
# arithmetic: this runs before anything is installed.
step_names=()
step_tenths=()
tenths() { printf '%d.%d' $(($1 / 10)) $(($1 % 10)); }
step() {
  local name=$1 start
  shift
  echo "==> $name: $*"
  start=$(date +%s%N)
  "$@"
  step_names+=("$name")
  step_tenths+=($((($(date +%s%N) - start) / 100000000)))
  echo "<== $name: $(tenths "${step_tenths[-1]}") s"
}
steps_summary() {
  local i total=0
  echo "step times (wall, seconds):"
  for i in "${!step_names[@]}"; do
    printf '  %-16s %8s\n' "${step_names[$i]}" "$(tenths "${step_tenths[$i]}")"
    total=$((total + step_tenths[i]))
  done
  printf '  %-16s %8s\n' total "$(tenths "$total")"
}
