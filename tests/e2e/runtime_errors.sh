#!/bin/sh
# Runtime errors a program cannot recover from: "arc: runtime error: ...",
# a backtrace through the program's frames, exit status 2, natively and
# under qemu-x86_64 (tests/e2e/rterr/*.arc; each prints "block 0x..."
# first, the address the error must name).
. tests/e2e/lib.sh

# expect_error NAME PROG "MESSAGE" FRAME [WORKERS]: stderr has the message
# with the address the program printed, a backtrace naming FRAME, and the
# status is 2.
expect_error() {
    for mode in native qemu; do
        runner=""
        [ $mode = qemu ] && runner=$QEMU
        timeout 60 env ARC_WORKERS="${5:-1}" $runner "$2" > "$T/out" 2> "$T/err"
        st=$?
        addr=$(sed -n 's/^block //p' "$T/out")
        if [ $st -eq 2 ] && [ -n "$addr" ] && ! grep -q "not reached" "$T/out" &&
           grep -qx "arc: runtime error: $3 $addr" "$T/err" && grep -q "^backtrace:" "$T/err" &&
           grep -q "^  #[0-9]* 0x[0-9a-f]* $4+0x" "$T/err"; then
            ok "$1 ($mode)"
        else
            not_ok "$1 ($mode): status $st"
            sed 's/^/# /' "$T/out" "$T/err" | head -12
        fi
    done
}

for src in tests/e2e/rterr/*.arc; do
    name=$(basename "$src" .arc)
    "$ARC" build "$src" -o "$T/$name" 2> "$T/$name.err" || { not_ok "$name builds"; sed 's/^/# /' "$T/$name.err"; }
done
expect_error "small block freed twice: double free, from main" "$T/double_free" "double free of" main
expect_error "large block freed twice: double free, from main" "$T/double_free_large" "double free of" main
for w in 1 2; do
    expect_error "freed by a task, then by main ($w workers): double free" "$T/double_free_task" "double free of" main $w
done
