#!/usr/bin/env bash
# The Windows window program under Wine, in Xvfb, used with the keyboard
# alone, beside the Linux binary doing the same as the reference:
#   1. the window opens; a screenshot of the welcome screen;
#   2. Tab to the start button, Enter; type "CMS 8000" in the field that
#      has the focus, Enter; a screenshot of the answer.
# Each screenshot is checked against the Linux one of the same screen by
# its pixel statistics (mean, spread, share of the answer's red), so a
# blank or black window, or a walk that never reached the answer, fails.
# (Wine does not bridge UI Automation to AT-SPI: keys are all there is.)
#
# Usage: tools/windows/gui-smoke.sh EXE_DIR LINUX_BIN [OUT_DIR]
# Needs (apt): wine64 wine xvfb xauth xdotool imagemagick.
# Prints one line per check and "GUI smoke: N passed, N failed" last.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exe_dir=$1 linux=$2
out=${3:-$(mktemp -d /tmp/mc-gui-smoke.XXXXXX)}
mkdir -p "$out"
export WINEPREFIX=${WINEPREFIX:-$out/wine-prefix} WINEDEBUG=-all
# The walk: this many Tabs from the welcome screen reach "Start" (the
# top bar's six: three languages, two looks, About; then Start).
TABS_TO_START=${TABS_TO_START:-7}

xvfb-run -a -s "-screen 0 1280x900x24" bash -s "$here" "$exe_dir" "$linux" "$out" "$TABS_TO_START" <<'INNER'
set -uo pipefail
here=$1 exe_dir=$2 linux=$3 out=$4 tabs=$5

wait_window() {
  local id=""
  for _ in $(seq 90); do
    id=$(xdotool search --onlyvisible --name "^Monitor Check$" 2>/dev/null | head -1)
    [ -n "$id" ] && break
    sleep 1
  done
  echo "$id"
}

# walk NAME COMMAND...: runs the program with an empty data folder and
# preferences, shoots the welcome screen and the answer reached with keys,
# then closes it.
walk() {
  local name=$1; shift
  local data; data=$(mktemp -d)
  local data_dir=$data/data
  [ "$name" = windows ] && data_dir="Z:${data_dir//\//\\}"
  HOME=$data XDG_DATA_HOME=$data/share XDG_CONFIG_HOME=$data/config LANG=C.UTF-8 \
    MONITOR_CHECK_DATA_DIR=$data_dir "$@" >"$out/$name.log" 2>&1 &
  local pid=$!
  local id; id=$(wait_window)
  if [ -z "$id" ]; then
    echo "no window" >"$out/$name.failed"
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    return
  fi
  xdotool windowmove "$id" 0 0 windowsize "$id" 1100 800 2>/dev/null
  sleep 4
  xdotool windowfocus --sync "$id" 2>/dev/null || xdotool windowfocus "$id"
  import -window root "$out/$name-welcome.png"
  for _ in $(seq "$tabs"); do xdotool key --delay 150 Tab; done
  xdotool key Return
  sleep 2
  xdotool type --delay 120 "CMS 8000"
  xdotool key Return
  sleep 4
  import -window root "$out/$name-answer.png"
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  rm -rf "$data"
}

walk linux "$linux"
walk windows "$here/wine-run.sh" "$exe_dir/monitor-check-window.exe"
INNER

passed=0 failed=0
check() {
  if [ "$2" = ok ]; then passed=$((passed + 1)); echo "ok   $1"
  else failed=$((failed + 1)); echo "FAIL $1: $2"; fi
}
# mean and spread of grey, and the share of pixels in the answer's red
stats() {
  convert "$1" -format "%[fx:mean] %[fx:standard_deviation]\n" info: 2>/dev/null | head -1
}
red_share() {
  convert "$1" -fx "(r>0.55 && g<0.35 && b<0.35) ? 1 : 0" -format "%[fx:mean]\n" info: 2>/dev/null | head -1
}
close() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t) }'; }

for name in linux windows; do
  if [ -f "$out/$name.failed" ]; then
    check "$name: the window opens" "$(cat "$out/$name.failed")"
  else
    check "$name: the window opens" ok
  fi
done
if [ -f "$out/windows-welcome.png" ] && [ -f "$out/linux-welcome.png" ]; then
  for screen in welcome answer; do
    read -r lm ls <<<"$(stats "$out/linux-$screen.png")"
    read -r wm ws <<<"$(stats "$out/windows-$screen.png")"
    echo "     $screen: linux mean $lm spread $ls; windows mean $wm spread $ws"
    verdict=ok
    awk -v s="$ws" 'BEGIN { exit !(s > 0.05) }' || verdict="the screenshot is blank (spread $ws)"
    [ "$verdict" = ok ] && { close "$lm" "$wm" 0.03 && close "$ls" "$ws" 0.03 || verdict="differs from Linux's"; }
    check "windows: the $screen screen looks as on Linux" "$verdict"
  done
  lr=$(red_share "$out/linux-answer.png"); wr=$(red_share "$out/windows-answer.png")
  lw=$(red_share "$out/linux-welcome.png")
  echo "     share of the answer's red: linux $lr (welcome $lw), windows $wr"
  verdict=ok
  awk -v a="$lr" -v w="$lw" 'BEGIN { exit !(a > w + 0.002) }' ||
    verdict="the Linux walk did not reach the answer either: the keys no longer match the screens"
  [ "$verdict" = ok ] && { close "$lr" "$wr" 0.002 || verdict="the Windows walk did not reach the answer"; }
  check "windows: Tab, typing and Enter reach the answer 'on the list'" "$verdict"
fi
echo "screenshots in $out"
echo "GUI smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
