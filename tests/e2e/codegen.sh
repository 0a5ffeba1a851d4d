#!/bin/sh
# Golden IR programs (tests/codegen/*.ir) built with `arc build` and run
# natively and under qemu-x86_64.  Expected stdout and exit status live in
# each file as "# expect: ..." and "# status: N" lines; "# workers: 1 2"
# runs the program once per ARC_WORKERS value; "# cc: file.c" compiles a
# freestanding C companion (tests/codegen/file.c) with gcc and links it in.
. tests/e2e/lib.sh

# Like lib.sh's directive, for '#' comments.
hdirective() {
    sed -n "s|^# $1: \{0,1\}||p" "$2"
}

for src in tests/codegen/*.ir; do
    name=$(basename "$src" .ir)
    # lib.sh's run_expect reads "// key:" lines: translate the header
    sed -nE 's;^# (expect|status|args|env):;// \1:;p' "$src" > "$T/$name.spec"
    extra=
    for c in $(hdirective cc "$src"); do
        if ! gcc $FREESTANDING -c "tests/codegen/$c" -o "$T/${c%.c}.o"; then
            not_ok "$name: gcc $c"
            continue 2
        fi
        extra="$extra $T/${c%.c}.o"
    done
    # shellcheck disable=SC2086
    if ! "$ARC" build "$src" $extra -o "$T/$name" 2> "$T/$name.err"; then
        not_ok "$name builds"
        sed 's/^/# /' "$T/$name.err" | head -20
        continue
    fi
    workers=$(hdirective workers "$src")
    for w in ${workers:-default}; do
        label=$name
        RUN_ENV=
        if [ "$w" != default ]; then
            label="$name, ARC_WORKERS=$w"
            RUN_ENV=ARC_WORKERS=$w
        fi
        run_expect "$label (native)" "" "$T/$name" "$T/$name.spec"
        run_expect "$label (qemu-x86_64)" "$QEMU" "$T/$name" "$T/$name.spec"
    done
    RUN_ENV=
done

# Determinism: the same IR gives the same object bytes.
"$ARC" build --emit=obj tests/codegen/ret42.ir -o "$T/a.o" &&
    "$ARC" build --emit=obj tests/codegen/ret42.ir -o "$T/b.o"
check "arc build --emit=obj is deterministic" cmp -s "$T/a.o" "$T/b.o"
check "arc build --emit=asm shows main" sh -c "'$ARC' build --emit=asm tests/codegen/ret42.ir | grep -q '<main>:'"
check "arc build --emit=ir prints the IR" sh -c "'$ARC' build --emit=ir tests/codegen/ret42.ir | grep -q 'ret i32 42'"

# Bad input: a positioned error, exit status 1, never a crash.
printf 'export func i32 $main() {\n@start:\n\tfrobnicate i32 1\n}\n' > "$T/bad.ir"
"$ARC" build "$T/bad.ir" -o "$T/bad" 2> "$T/bad.err"
st=$?
check "bad IR: exit status 1" test "$st" -eq 1
check "bad IR: file:line:col: error:" grep -q "bad.ir:[0-9]*:[0-9]*: error:" "$T/bad.err"
printf 'func i32 $f(i32 %%x) {\n@a:\n\tret i64 %%x\n}\n' > "$T/badv.ir"
"$ARC" build "$T/badv.ir" -o "$T/badv" 2> /dev/null
st=$?
check "IR failing the verifier: exit status 1" test "$st" -eq 1
