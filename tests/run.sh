#!/bin/sh
# tests/run.sh: run every test suite and print one closing line
# "N passed, N failed".
#
# A suite is an executable that prints TAP lines ("ok N - name",
# "not ok N - name"; anything else is diagnostics shown on failure):
#   $BUILD/tests/test_*   cmocka unit tests (CMOCKA_MESSAGE_OUTPUT=TAP)
#   tests/e2e/*.sh        end-to-end suites (natively and under qemu-x86_64;
#                         lib.sh is their shared helpers, not a suite)
# A suite that exits non-zero without reporting a failure counts as one
# failed test, so a crash can never pass silently.  Nor can a suite shrink:
# tests/counts holds the fewest tests each suite may report, and a suite
# that reports fewer, skips anything ("# SKIP", "1..0"), is not listed
# there, or is listed but did not run, counts as one more failure.
BUILD=${BUILD:-build}
export BUILD
COUNTS=tests/counts
pass=0
fail=0
ran=" "

# floor NAME: the suite's minimum from tests/counts, or nothing.
floor() {
    awk -v s="$1" '$1 == s { print $2 }' "$COUNTS"
}

run_suite() {
    name=$1
    shift
    out=$(CMOCKA_MESSAGE_OUTPUT=TAP "$@" 2>&1)
    rc=$?
    p=$(printf '%s\n' "$out" | grep -c '^ok ')
    f=$(printf '%s\n' "$out" | grep -c '^not ok ')
    printf '%s\n' "$out" | while IFS= read -r line; do
        case $line in
            "ok "*) echo "ok   $name: ${line#ok * - }" ;;
            "not ok "*) echo "FAIL $name: ${line#not ok * - }" ;;
        esac
    done
    if [ "$f" -gt 0 ] || [ "$rc" -ne 0 ]; then
        printf '%s\n' "$out" | grep -v -e '^ok ' -e '^1\.\.' | sed "s/^/    $name: /" | head -60
    fi
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "FAIL $name: suite exited with status $rc"
        f=1
    fi
    min=$(floor "$name")
    if [ -z "$min" ]; then
        echo "FAIL $name: suite not listed in $COUNTS"
        f=$((f + 1))
    elif [ $((p + f)) -lt "$min" ]; then
        echo "FAIL $name: reported $((p + f)) tests, $COUNTS expects at least $min"
        f=$((f + 1))
    fi
    if printf '%s\n' "$out" | grep -qi -e '# *skip' -e '^1\.\.0'; then
        echo "FAIL $name: skipped tests"
        f=$((f + 1))
    fi
    ran="$ran$name "
    pass=$((pass + p))
    fail=$((fail + f))
}

for t in "$BUILD"/tests/test_*; do
    case $t in *.d) continue ;; esac
    [ -x "$t" ] && run_suite "$(basename "$t")" "$t"
done
for s in tests/e2e/*.sh; do
    case $s in */lib.sh) continue ;; esac    # sourced by the suites
    run_suite "$(basename "$s" .sh)" sh "$s"
done
for name in $(awk '!/^#/ && NF { print $1 }' "$COUNTS"); do
    case $ran in
        *" $name "*) ;;
        *) echo "FAIL $name: listed in $COUNTS but did not run"; fail=$((fail + 1)) ;;
    esac
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
