#!/usr/bin/env bash
# Hostile and broken input (issue #10): generates a corpus of bad inputs, layouts, manifests,
# images, font paths and interruptions, runs `vita` on each under a time limit and a memory
# cap, and checks what a user would notice: the exit code, the message (with its pattern),
# no panic, no raw control character or "os error N" on the terminal, no temporary file left,
# and, where it matters, the files written and their permissions.
#
# Prints one row per case and a last line "N passed, M failed"; exits 1 when any case fails.
#
#   tests/hostile/run.sh [path/to/vita]      (default: target/release/vita)
#
# Every case runs under `ulimit -v` (1 GiB of address space: a hard stop for runaway
# allocation) and `timeout`; a case also fails when its peak resident memory (from
# /usr/bin/time) passes 512 MiB or it runs longer than 10 s.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
vita=$(realpath "${1:-$root/target/release/vita}")
[ -x "$vita" ] || { echo "no vita binary at $vita (cargo build --release)"; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)"; exit 2; }

LIMIT_S=10          # wall-clock limit of a case
RSS_KB=$((512 * 1024))  # peak resident memory allowed
VM_KB=$((1024 * 1024))  # address-space cap (ulimit -v)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/base"
ln -s "$vita" "$work/bin/vita"
export PATH="$work/bin:$PATH" SOURCE_DATE_EPOCH=0 MALLOC_ARENA_MAX=2 NO_COLOR=1
root_user=$([ "$(id -u)" = 0 ] && echo yes || echo no)

# ---------------------------------------------------------------- fixtures (all fictional)
base=$work/base
cat > "$base/good.md" <<'EOF'
# Ada Example
Platform engineer · ada@example.com · Example City

## Experience

### Staff engineer, Example Systems <!-- tags: backend -->
2020 – now · Example City

- Built a typesetting service that renders ten thousand documents an hour.
- Cut build times by half with incremental compilation and caching.

### Engineer, Sample Labs <!-- tags: frontend -->
2016 – 2020

- Wrote the layout engine for the company's report generator.
- Mentored four engineers; ran the weekly design review.

## Skills

Rust, Go, TypeScript, PostgreSQL, Kubernetes, technical writing.
EOF
cp "$root/tests/fixtures/photo.png" "$base/photo.png"
# Many variants for the interruption cases: a longer résumé, 400 tag sets.
python3 - "$base" <<'EOF'
import sys, os
base = sys.argv[1]
good = open(os.path.join(base, "good.md")).read()
long = good + "\n## Projects\n\n" + "".join(
    f"### Project {i}, Example Org\n2019\n\n- Shipped feature {i} with care and measured its effect on users.\n\n"
    for i in range(60))
open(os.path.join(base, "long.md"), "w").write(long)
sets = ", ".join(f"s{i} = \"backend\"" for i in range(4000))
open(os.path.join(base, "many.toml"), "w").write(
    f'input = "long.md"\noutput = "out/{{name}}.pdf"\n[matrix]\ntags = {{ {sets} }}\n')
EOF

pass=0
fail=0
# case NAME WANT PATTERN COMMAND — with SETUP (run before, not timed) and CHECK (run after,
# must succeed) taken from the environment of the call. WANT is an extended regex of exit
# codes; PATTERN an extended regex the output must match (empty: anything).
case_() {
  local name=$1 want=$2 pattern=$3 cmd=$4 setup=${SETUP:-} check=${CHECK:-}
  local d=$work/cases/$name
  mkdir -p "$d"
  cp -r "$base/." "$d/"
  local why=""
  if ! (cd "$d" && bash -ec "$setup") >"$d/.setup.log" 2>&1; then
    why="setup failed: $(tail -c 200 "$d/.setup.log")"
  fi
  (
    cd "$d" || exit 99
    ulimit -v "$VM_KB"
    exec /usr/bin/time -f "%e %M" -o "$d/.time" \
      timeout -k 2 "$((LIMIT_S + 5))" bash -c "$cmd" >"$d/.out" 2>&1
  )
  local rc=$?
  local secs rss
  read -r secs rss < <(tail -n 1 "$d/.time" 2>/dev/null || echo "0 0")
  secs=${secs:-0}
  rss=${rss:-0}
  local out
  out=$(cat "$d/.out")
  if [ -z "$why" ] && ! [[ "$rc" =~ ^($want)$ ]]; then why="exit $rc, want $want"; fi
  if [ -z "$why" ] && [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$d/.out"; then
    why="output lacks /$pattern/"
  fi
  if [ -z "$why" ] && grep -q "panicked" "$d/.out"; then why="panic"; fi
  if [ -z "$why" ] && grep -q $'\x1b' "$d/.out"; then why="raw ESC on the terminal"; fi
  if [ -z "$why" ] && grep -Eq "os error [0-9]+" "$d/.out"; then why="raw 'os error N'"; fi
  if [ -z "$why" ] && awk -v s="$secs" -v l="$LIMIT_S" 'BEGIN { exit !(s > l) }'; then
    why="took ${secs}s"
  fi
  if [ -z "$why" ] && [ "$rss" -gt "$RSS_KB" ]; then why="peak memory ${rss} KB"; fi
  if [ -z "$why" ]; then
    local left
    left=$(find "$work/cases/$name" "$work" -maxdepth 3 -name '.vita-*.tmp' 2>/dev/null | head -n 1)
    [ -n "$left" ] && why="temporary file left: ${left#"$work"/}"
  fi
  if [ -z "$why" ] && [ -n "$check" ] && ! (cd "$d" && bash -c "$check") >"$d/.check.log" 2>&1; then
    why="check failed: $check $(tail -c 200 "$d/.check.log" | tr '\n' ' ')"
  fi
  if [ -z "$why" ]; then
    pass=$((pass + 1))
    printf 'ok    %-34s exit %-3s %6ss %8s KB\n' "$name" "$rc" "$secs" "$rss"
  else
    fail=$((fail + 1))
    printf 'FAIL  %-34s exit %-3s %6ss %8s KB  %s\n' "$name" "$rc" "$secs" "$rss" "$why"
    sed 's/^/        | /' "$d/.out" | head -n 12
  fi
}

# Text helpers for CHECK: the PDF's text (pypdf-free: vita's own check reads it back).
has_text() { echo "pdftotext \"$1\" - | grep -q -- \"$2\""; }

# ---------------------------------------------------------------- non-regular inputs
SETUP='mkfifo cv.md' case_ fifo-input 1 '^error\[V0001\]: .*named pipe' 'vita build cv.md'
SETUP='mkfifo cv.md' CHECK='grep -qF "vita check resume.md" .out' case_ fifo-input-check 1 '^error\[V0001\]: .*named pipe' 'vita check cv.md'
CHECK='test -s p.pdf' case_ fifo-with-writer 0 'wrote' 'mkfifo p.md; (cat good.md > p.md &); vita build p.md -o p.pdf'
CHECK='test -s out.pdf' case_ process-substitution 0 'wrote out.pdf' 'vita build <(cat good.md) -o out.pdf'
CHECK='test -s out.pdf' case_ stdin-pipe 0 'wrote out.pdf' 'cat good.md | vita build /dev/stdin -o out.pdf'
case_ stalled-pipe 1 '^error\[V0001\]: .*did not end within' 'vita build /dev/stdin -o out.pdf < <(sleep 30)'
case_ dev-zero-build 1 '^error\[V0001\]: .*without ending' 'vita build /dev/zero -o out.pdf'
CHECK='grep -qF "vita check resume.md" .out' case_ dev-zero-check 1 '^error\[V0001\]: .*without ending' 'vita check /dev/zero'
case_ dev-zero-batch 1 '^error\[V0001\]: .*without ending' 'vita batch /dev/zero'
case_ dev-zero-layout 1 '^error\[V0001\]: ' 'vita build good.md -o out.pdf --layout /dev/zero'
case_ dev-zero-font-path 1 '^error\[V0010\]: --font-path /dev/zero' 'vita build good.md -o out.pdf --font-path /dev/zero'
case_ dev-urandom 1 '^error\[V0001\]: .*without ending' 'vita build /dev/urandom -o out.pdf'
case_ dev-null 1 '^error\[V0003\]: /dev/null' 'vita build /dev/null -o out.pdf'
case_ folder-input 1 '^error\[V0001\]: .*it is a folder' 'mkdir d.md; vita build d.md'
case_ missing-input 1 '^error\[V0001\]: .*no such file' 'vita build nothere.md'
case_ missing-font-path 1 '^error\[V0010\]: --font-path nothere: no such file' 'vita build good.md --font-path nothere'
SETUP='mkfifo me.png; printf "# Ada Example\n![Ada](me.png)\nada@example.com\n" > cv.md' \
  case_ fifo-photo 0 '^warning\[V0406\]: cv\.md:2:1: ' 'vita build cv.md -o out.pdf'

# ---------------------------------------------------------------- size and count limits
SETUP='python3 -c "print(\"# Ada Example\n\" + \"Plain words of a long paragraph. \" * 330000)" > big.md' \
  case_ ten-megabytes 1 '^error\[V0001\]: .*1 MB' 'vita build big.md'
SETUP='python3 -c "print(\"\".join(f\"# H{i}\n\" for i in range(100000)))" > heads.md' \
  case_ hundred-thousand-headings 1 '^error\[V0005\]: .*20000' 'vita build heads.md'
SETUP='python3 -c "print(\"# Ada Example\n\" + \"\".join(f\"## S{i}\n\" for i in range(19000)))" > heads.md' \
  case_ nineteen-thousand-sections '0|1' 'wrote|pages, more than the 200' 'vita build heads.md -o out.pdf'
SETUP='python3 -c "print(\"# Ada Example\n\n## Notes\n\n\" + \"word \" * 200000)" > para.md' \
  case_ one-megabyte-paragraph '0|1' 'wrote|pages, more than the 200' 'vita build para.md -o out.pdf'
SETUP='python3 -c "print(\"# Ada Example\n\n## Notes\n\n\" + \"x\" * 1000000)" > word.md' \
  case_ one-megabyte-word '0|1' 'wrote|pages, more than' 'vita build word.md -o out.pdf'
SETUP='python3 -c "print(\"# Ada Example\n\n## Items\n\n\" + \"\".join(f\"- item {i}\n\" for i in range(15000)))" > list.md' \
  case_ fifteen-thousand-bullets '0|1' 'wrote|pages, more than the 200' 'vita build list.md -o out.pdf'
SETUP='python3 -c "print(\"# Ada Example\n\n\" + \">\" * 5000 + \" deep\")" > deep.md' \
  case_ deep-blockquotes '0|1' '' 'vita build deep.md -o out.pdf'
SETUP='python3 -c "print(\"# Ada Example\n\n\" + \"\".join(\"  \" * i + \"- x\n\" for i in range(3000)))" > nest.md' \
  case_ deep-nested-list '0|1' '' 'vita build nest.md -o out.pdf'
SETUP='python3 -c "print(\"# Ada Example\n\n\" + \"<div>\" * 50000 + \"x\")" > html.md' \
  case_ html-div-bomb '0|1' '' 'vita build html.md -o out.pdf'
SETUP='python3 -c "print(\"# Ada Example\n\n[link](https://example.com/\" + \"a\" * 500000 + \")\")" > url.md' \
  case_ half-megabyte-url '0|1' '' 'vita build url.md -o out.pdf'
SETUP='python3 -c "print(\"[\" * 100000 + \"]\" * 100000)" > deep.json' \
  case_ json-deep-nesting 1 '^error\[V0105\]: deep\.json:1:1: ' 'vita build deep.json -o out.pdf'
SETUP='printf "%s" "---" > fm.md; python3 -c "print(\"\na: &a [\" + \",\".join([\"x\"]*9) + \"]\n\" + \"\".join(f\"l{i}: &l{i} [\" + \",\".join([f\"*l{i-1}\" if i else \"*a\"]*9) + \"]\n\" for i in range(9)) + \"---\n# Ada Example\n\")" >> fm.md' \
  case_ yaml-billion-laughs '0|1' '' 'vita build fm.md -o out.pdf'
SETUP='python3 -c "print(\"# Ada Example\n\n## Skills\n\n\" + \"|\" + \"c|\" * 200 + \"\n|\" + \"---|\" * 200 + \"\n\" + (\"|\" + \"value|\" * 200 + \"\n\") * 50)" > wide.md' \
  case_ two-hundred-column-table 0 '^warning\[V0403\]: wide\.md:5:1: ' 'vita build wide.md -o out.pdf'
SETUP='python3 -c "print(\"# Ada Example\nada@example.com\n\n## Skills <!-- tags: a -->\n\nRust\n\")" > t.md; python3 -c "print(\",\".join(f\"tag{i}\" for i in range(10000)))" > terms' \
  case_ ten-thousand-unused-tags 0 'warning\[V0201\]: --tags: 10000 tags are used nowhere' 'vita build t.md -o out.pdf --tags "$(cat terms)" 2>&1 | tee log; test "$(grep -c "used nowhere" log)" = 1'

# ---------------------------------------------------------------- odd text: warnings
SETUP='printf "# Ada Example\nada@example.com\n\n## Skills\n\nRust\0and Go\n" > nul.md' CHECK="$(has_text out.pdf 'Rust and Go') && ! pdftotext out.pdf - | grep -qaP '\x00'" \
  case_ nul-bytes 0 'warning\[V0006\]: nul.md:6:5: the control character NUL \(U\+0000\) is left out' 'vita build nul.md -o out.pdf'
SETUP='printf "# Ada Example\nada@example.com\n\n## Skills\n\nRust \033[2J\033[31mred\n" > esc.md' \
  case_ escape-sequences 0 '^warning\[V0006\]: esc\.md:6:6: .*U\+001B' 'vita build esc.md -o out.pdf'
SETUP='printf "# Ada Example\nada@example.com\n\n## Skills\n\nRust\xc2\x85Go\n" > c1.md' \
  case_ c1-control 0 '^warning\[V0006\]: c1\.md:6:5: .*U\+0085' 'vita build c1.md -o out.pdf'
SETUP='python3 -c "print(\"# Ada Example\nada@example.com\n\n## Skills\n\n\" + \"\".join(\"a\" + chr(0) for i in range(5000)))" > many.md' \
  case_ five-thousand-nuls 0 '4990 more control characters from here on' 'vita build many.md -o out.pdf'
SETUP='python3 -c "print(\"# Ada Example\nada@example.com\n\n## Skills\n\nZ\" + \"\u0301\" * 1000 + \"algo\n\")" > zalgo.md' \
  CHECK='! pdftotext out.pdf /dev/null 2>&1 | grep -q Illegal' \
  case_ combining-flood 0 '^warning\[V0007\]: zalgo\.md:6:18: .*1000' 'vita build zalgo.md -o out.pdf'
SETUP='printf -- "---\nname: Ada Example\nheadline: *j\n---\n\n## Skills\n\nRust\n" > alias.md' \
  case_ yaml-alias 0 '^warning\[V0008\]: alias\.md:3:11: ' 'vita build alias.md -o out.pdf'
SETUP='printf "{\"basics\": {\"name\": \"Ada Example\"}, \"work\": [{\"name\": \"Example Co\", \"position\": 1e999}]}\n" > r.json' \
  case_ json-1e999 0 '^warning\[V0009\]: r\.json:1:81: ' 'vita build r.json -o out.pdf'
SETUP='printf "{\"basics\": {\"name\": \"Ada Example\", \"phone\": 12345678901234567890}}\n" > r.json' \
  case_ json-long-number 0 '^warning\[V0009\]: r\.json:1:45: ' 'vita build r.json -o out.pdf'
SETUP='python3 -c "
cols = 16
print(\"# Ada Example\nada@example.com\n\n## Skills\n\")
print(\"| \" + \" | \".join(f\"Column {i}\" for i in range(cols)) + \" |\")
print(\"|\" + \"---|\" * cols)
print(\"| \" + \" | \".join(f\"value{i} text\" for i in range(cols)) + \" |\")
" > table.md' CHECK="$(has_text out.pdf 'Column 15') && $(has_text out.pdf value15)" \
  case_ sixteen-column-table 0 '^warning\[V0403\]: table\.md:6:1: ' 'vita build table.md -o out.pdf'
SETUP='printf "" > empty.md' case_ empty-file 1 '^error\[V0003\]: empty\.md' 'vita build empty.md'
SETUP='printf "\n\n   \n\t\n" > blank.md' case_ blank-file 1 '^error\[V0003\]: blank\.md' 'vita build blank.md'
SETUP='printf "\xef\xbb\xbf" > bom.md' case_ bom-only 1 '^error\[V0003\]: bom\.md' 'vita build bom.md'
SETUP='printf "# Ada\n\xff\xfe bad\n" > latin.md' case_ invalid-utf8 1 '^error\[V0002\]: latin\.md:2:1: ' 'vita build latin.md'
SETUP='printf "input = \"good.md\"\n[[variant]]\nname = \"a\"\n" > vita.toml' \
  case_ manifest-as-input 1 '^error\[V0004\]: vita\.toml' 'vita build vita.toml'
SETUP='printf "[page]\nsize = \"a4\"\n" > mine.toml' case_ layout-as-input 1 '^error\[V0004\]: mine\.toml' 'vita build mine.toml'
SETUP='printf "input = \"vita.toml\"\n[[variant]]\nname = \"a\"\n" > vita.toml' \
  case_ manifest-is-its-own-input 1 '^\[a\] error\[V0004\]: vita\.toml' 'vita batch vita.toml'
SETUP='printf "{\n  \"basics\": {\n    \"name\": \"Ada\",,\n  }\n}\n" > bad.json' case_ json-syntax 1 '^error\[V0104\]: bad\.json:3:19: ' 'vita build bad.json'
SETUP='printf "+++\nname = \n+++\n# Ada\n" > fm.md' case_ toml-front-matter-syntax 1 '^error\[V0101\]: fm\.md:2:8: ' 'vita build fm.md'
SETUP='printf "# Ada \033]0;pwned\007Example\n" > title.md' \
  case_ osc-in-error-line 0 '^warning\[V0006\]: title\.md:1:7: ' 'vita build title.md -o out.pdf'

# ---------------------------------------------------------------- photos
SETUP='head -c 300 photo.png > cut.png; printf "# Ada Example\n![Ada](cut.png)\nada@example.com\n" > cv.md' \
  case_ truncated-png 0 "cv.md:2:.*photo 'cut.png' is cut short" 'vita build cv.md -o out.pdf'
SETUP='printf "not a picture" > me.jpg; printf "# Ada Example\n![Ada](me.jpg)\nada@example.com\n" > cv.md' \
  case_ text-named-jpg 0 '^warning\[V0406\]: cv\.md:2:1: .*not a PNG or JPEG' 'vita build cv.md -o out.pdf'
SETUP='ln -s /dev/zero z.png; printf "# Ada Example\n![Ada](z.png)\nada@example.com\n" > cv.md' \
  case_ photo-dev-zero 0 '^warning\[V0406\]: cv\.md:2:1: .*outside' 'vita build cv.md -o out.pdf'
SETUP='printf "# Ada Example\n![Ada](/etc/hostname)\nada@example.com\n" > cv.md' \
  case_ photo-absolute 0 '^warning\[V0120\]: cv\.md:2:1: ' 'vita build cv.md -o out.pdf'
SETUP='python3 -c "
import struct, zlib
def chunk(k, d): return struct.pack(\">I\", len(d)) + k + d + struct.pack(\">I\", zlib.crc32(k + d))
png = b\"\x89PNG\r\n\x1a\n\" + chunk(b\"IHDR\", struct.pack(\">IIBBBBB\", 100000, 100000, 8, 2, 0, 0, 0)) + chunk(b\"IDAT\", zlib.compress(b\"\")) + chunk(b\"IEND\", b\"\")
open(\"huge.png\", \"wb\").write(png)
open(\"cv.md\", \"w\").write(\"# Ada Example\n![Ada](huge.png)\nada@example.com\n\")
"' case_ photo-ten-gigapixels 0 '^warning\[V0406\]: cv\.md:2:1: .*40 megapixels' 'vita build cv.md -o out.pdf'
SETUP='head -c 9000000 /dev/zero > big.png; printf "# Ada Example\n![Ada](big.png)\nada@example.com\n" > cv.md' \
  case_ photo-nine-megabytes 0 '^warning\[V0406\]: cv\.md:2:1: .*8 MB' 'vita build cv.md -o out.pdf'
SETUP='python3 -c "open(\"bad.png\", \"wb\").write(open(\"photo.png\", \"rb\").read()[:33] + b\"\x00\x00\x00\x10IDAT\" + b\"\xff\" * 20 + b\"\x00\x00\x00\x00IEND\xaeB\x60\x82\")"; printf "# Ada Example\n![Ada](bad.png)\nada@example.com\n" > cv.md' \
  case_ photo-corrupt-idat 0 "cv.md:2:.*photo 'bad.png' could not be decoded" 'vita build cv.md -o out.pdf'

# ---------------------------------------------------------------- layouts: range checks
# NAME TOML PATTERN [CHECK]: the build must fail with PATTERN (the code and place), write no
# PDF, and CHECK (run in the case's folder, where the output is .out) must hold: figures the
# message or hint must give, which no code can say.
layout_case() {
  SETUP="printf '%b' '$2' > l.toml" CHECK="test ! -e out.pdf${4:+ && $4}" \
    case_ "layout-$1" 1 "$3" 'vita build good.md -o out.pdf --layout l.toml'
}
layout_case negative-margin '[page]\nmargin = "-10mm"\n' '^error\[V0304\]: l\.toml:2:10: '
layout_case negative-margin-in '[page]\nmargin = "-1in"\n' '^error\[V0304\]: l\.toml:2:10: '
layout_case margin-too-wide '[page]\nmargin = "100mm"\n' '^error\[V0304\]: l\.toml:2:10: ' 'grep -qF 92.3mm .out'
layout_case margin-too-wide-in '[page]\nmargin = "5in"\n' '^error\[V0304\]: l\.toml:2:10: ' 'grep -qF 3.63in .out'
layout_case leading-zero '[fonts]\nleading = 0\n' '^error\[V0304\]: l\.toml:2:11: '
layout_case leading-nan '[fonts]\nleading = nan\n' '^error\[V0304\]: l\.toml:2:11: '
layout_case leading-inf '[fonts]\nleading = inf\n' '^error\[V0304\]: l\.toml:2:11: '
layout_case leading-negative '[fonts]\nleading = -1.2\n' '^error\[V0304\]: l\.toml:2:11: '
layout_case size-zero '[fonts]\nsize = "0pt"\n' '^error\[V0304\]: l\.toml:2:8: ' 'grep -qF 72pt .out'
layout_case size-huge '[fonts]\nsize = "100000pt"\n' '^error\[V0304\]: l\.toml:2:8: '
layout_case size-negative-mm '[fonts]\nsize = "-3mm"\n' '^error\[V0304\]: l\.toml:2:8: ' 'grep -qF 25.4mm .out'
layout_case name-size-zero '[fonts]\nname-size = "0pt"\n' '^error\[V0304\]: l\.toml:2:13: '
layout_case section-size-em '[fonts]\nsection-size = "40em"\n' '^error\[V0304\]: l\.toml:2:16: '
layout_case page-one-mm '[page]\nsize = "1mm x 1mm"\n' '^error\[V0304\]: l\.toml:2:8: '
layout_case page-huge '[page]\nsize = "300in x 11in"\n' '^error\[V0304\]: l\.toml:2:8: '
layout_case page-unknown '[page]\nsize = "tabloid"\n' '^error\[V0303\]: l\.toml:2:8: '
layout_case page-em '[page]\nsize = "50em x 70em"\n' '^error\[V0303\]: l\.toml:2:8: '
layout_case rule-negative '[section]\nrule = "-1pt"\n' '^error\[V0304\]: l\.toml:2:8: '
layout_case letter-spacing-huge '[section]\nletter-spacing = "5em"\n' '^error\[V0304\]: l\.toml:2:18: '
layout_case paragraph-space-huge '[paragraph]\nspace = "1000mm"\n' '^error\[V0304\]: l\.toml:2:9: '
layout_case space-shrink '[paragraph]\nspace-shrink = 1.5\n' '^error\[V0304\]: l\.toml:2:16: '
layout_case space-stretch-nan '[paragraph]\nspace-stretch = nan\n' '^error\[V0304\]: l\.toml:2:17: '
layout_case tolerance-negative '[paragraph]\ntolerance = -5\n' '^error\[V0304\]: l\.toml:2:13: '
layout_case looseness-huge '[paragraph]\nlooseness = 1000\n' '^error\[V0304\]: l\.toml:2:13: '
layout_case indent-negative '[list]\nindent = "-2em"\n' '^error\[V0304\]: l\.toml:2:10: '
layout_case photo-size-huge '[header]\nphoto-size = "2000mm"\n' '^error\[V0304\]: l\.toml:2:14: '
layout_case extends-negative 'extends = "modern"\n[page]\nmargin = "-1in"\n' '^error\[V0304\]: l\.toml:3:10: '
layout_case unknown-key '[page]\nsise = "a4"\n' '^error\[V0302\]: l\.toml:2:1: ' 'grep -qF "\`size\`" .out'
layout_case bad-toml '[page\nsize = "a4"\n' '^error\[V0301\]: l\.toml:1:6: '
SETUP='python3 -c "print(\"# \" + \"x\" * 300000)" > l.toml' case_ layout-too-large 1 '^error\[V0001\]: ' 'vita build good.md --layout l.toml'

# ---------------------------------------------------------------- manifests and outputs
SETUP='printf "input = \"good.md\"\n[[variant]]\nname = \"a\"\noutput = \"../../outside.pdf\"\n" > vita.toml' \
  CHECK='test ! -e ../../outside.pdf' \
  case_ manifest-output-parent 1 '^error\[V0204\]: vita\.toml:4:10: ' 'vita batch vita.toml'
SETUP='printf "input = \"good.md\"\n[[variant]]\nname = \"a\"\noutput = \"/tmp/vita-hostile-outside.pdf\"\n" > vita.toml' \
  CHECK='test ! -e /tmp/vita-hostile-outside.pdf' \
  case_ manifest-output-absolute 1 '^error\[V0204\]: vita\.toml:4:10: ' 'vita batch vita.toml'
SETUP='mkdir sub; cp good.md sub/; printf "input = \"good.md\"\n[[variant]]\nname = \"a\"\noutput = \"../a.pdf\"\n" > sub/vita.toml' \
  CHECK='test -s a.pdf' case_ manifest-allow-outside 0 '' 'vita batch --allow-outside sub/vita.toml'
SETUP='printf "input = \"good.md\"\n[[variant]]\nname = \"../x\"\n" > vita.toml' \
  case_ manifest-name-climbs 1 '^error\[V0204\]: vita\.toml:3:8: ' 'vita batch vita.toml'
SETUP='python3 -c "
sets = \", \".join(f\"s{i} = \\\"x\\\"\" for i in range(100000))
open(\"vita.toml\", \"w\").write(f\"input = \\\"missing.md\\\"\n[matrix]\ntags = {{ {sets} }}\n\")
"' case_ manifest-100k-variants 1 '100000 variants: 0 built, 100000 failed' 'vita batch vita.toml 2>&1 | tail -n 1; exit ${PIPESTATUS[0]}'
SETUP='python3 -c "
sets = \", \".join(f\"s{i} = \\\"x\\\"\" for i in range(60000))
open(\"vita.toml\", \"w\").write(f\"input = \\\"good.md\\\"\n[matrix]\nlayouts = [\\\"classic\\\", \\\"modern\\\"]\ntags = {{ {sets} }}\n\")
"' case_ manifest-too-many-variants 1 '^error\[V0204\]: vita\.toml:2:1: .*120000' 'vita batch vita.toml'
SETUP='printf "" > vita.toml' case_ manifest-empty 1 '^error\[V0204\]: vita\.toml:1:1: ' 'vita batch vita.toml'
SETUP='printf "input = \"good.md\"\n[[variant]]\nname = \"a\"\n[[variant]]\nname = \"a\"\n" > vita.toml' \
  case_ manifest-duplicate 1 '^error\[V0204\]: vita\.toml:5:8: ' 'vita batch vita.toml'
SETUP='printf "input = \"good.md\"\noutput = \"good.md\"\n[[variant]]\nname = \"a\"\n" > vita.toml' \
  CHECK='grep -q "Ada Example" good.md' case_ manifest-writes-input 1 '^\[a\] error\[V0012\]: .*good\.md' 'vita batch vita.toml'
SETUP='touch pdf; printf "input = \"good.md\"\noutput = \"pdf/{name}.pdf\"\n[[variant]]\nname = \"a\"\n" > vita.toml' \
  case_ manifest-folder-is-file 1 '^\[a\] error\[V0012\]: .*folder pdf' 'vita batch vita.toml'
case_ output-under-a-file 1 '^error\[V0012\]: .*good\.md/x\.pdf' 'vita build good.md -o good.md/x.pdf'
CHECK='grep -q "Ada Example" good.md' case_ output-is-input 1 '^error\[V0012\]: .*good\.md' 'vita build good.md -o good.md'
CHECK='test "$(stat -c %a out.pdf)" = 644' case_ mode-umask-022 0 '' 'umask 022; vita build good.md -o out.pdf'
CHECK='test "$(stat -c %a out.pdf)" = 600' case_ mode-umask-077 0 '' 'umask 077; vita build good.md -o out.pdf'
SETUP='touch out.pdf; chmod 640 out.pdf' CHECK='test "$(stat -c %a out.pdf)" = 640' \
  case_ mode-kept-on-rebuild 0 '' 'umask 022; vita build good.md -o out.pdf'
SETUP='touch out.pdf; chmod 644 out.pdf' CHECK='test "$(stat -c %a out.pdf)" = 644' \
  case_ mode-644-stays-644 0 '' 'umask 077; vita build good.md -o out.pdf'
CHECK='test "$(stat -c %a out/s1.pdf)" = 644' case_ mode-batch 0 '' 'umask 022; printf "input = \"good.md\"\noutput = \"out/{name}.pdf\"\n[[variant]]\nname = \"s1\"\n" > v.toml; vita batch -q v.toml'
if [ "$root_user" = no ]; then
  SETUP='chmod 000 good.md' case_ unreadable-input 1 '^error\[V0001\]: .*good\.md: permission denied' 'vita build good.md'
else
  SETUP='printf "# x\n" > a.md' case_ unreadable-input 1 '^error\[V0001\]: .*nothere/a\.md: no such file' 'vita build nothere/a.md'
fi

# ---------------------------------------------------------------- interruptions
CHECK='test -z "$(find . -name ".vita-*" | head -n 1)"' \
  case_ batch-sigint 130 'interrupted' 'vita batch -q --jobs 2 many.toml & pid=$!; sleep 1.5; kill -INT $pid; wait $pid'
CHECK='test -z "$(find . -name ".vita-*" | head -n 1)"' \
  case_ batch-sigterm 130 'interrupted' 'vita batch -q --jobs 4 many.toml & pid=$!; sleep 1.5; kill -TERM $pid; wait $pid'
CHECK='test -z "$(find . -name ".vita-*" | head -n 1)"' \
  case_ batch-sigterm-early 130 'interrupted' 'vita batch -q many.toml & pid=$!; sleep 0.3; kill -TERM $pid; wait $pid'

# ---------------------------------------------------------------- flags
case_ tags-syntax 1 'error\[V0103\]: --tags: ' 'vita build good.md --tags "a,,b"'
case_ set-without-equals 1 '^error\[V0010\]: --set' 'vita build good.md --set headline'
case_ pages-zero 2 '' 'vita build good.md --pages 0'
SETUP='python3 -c "print(\"# Ada Example\n\n## Items\n\n\" + \"\".join(f\"- item {i} with a few words in it\n\" for i in range(3000)))" > list.md' \
  case_ pages-one-of-long 3 '^error\[V0405\]: list\.md: ' 'vita build list.md --pages 1 -o out.pdf'
SETUP='printf "# 李小龍\nada@example.com\n\n## 经历\n\n北京 软件工程师\n" > cjk.md' \
  case_ system-font-fallback 0 'wrote' 'vita build cjk.md -o out.pdf'

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
