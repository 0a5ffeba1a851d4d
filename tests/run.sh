#!/bin/sh
# tests/run.sh: run every test suite and print one closing line
# "N passed, N failed".
#
# A suite is an executable that prints TAP lines ("ok N - name",
# "not ok N - name"; anything else is diagnostics shown on failure):
#   $BUILD/tests/test_*   cmocka unit tests (CMOCKA_MESSAGE_OUTPUT=TAP)
#   tests/e2e/*.sh        end-to-end suites (natively and under qemu-x86_64)
# A suite that exits non-zero without reporting a failure counts as one
# failed test, so a crash can never pass silently.
BUILD=${BUILD:-build}
export BUILD
pass=0
fail=0

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
    pass=$((pass + p))
    fail=$((fail + f))
}

for t in "$BUILD"/tests/test_*; do
    case $t in *.d) continue ;; esac
    [ -x "$t" ] && run_suite "$(basename "$t")" "$t"
done
for s in tests/e2e/*.sh; do
    [ -f "$s" ] && run_suite "$(basename "$s" .sh)" sh "$s"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
