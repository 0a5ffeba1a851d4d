#!/bin/sh
# Freestanding C programs (tests/e2e/c/*.c) linked onto the runtime image
# with `arc link`, run natively and under qemu-x86_64; expected output and
# exit status live in each source file (// expect:, // status:).
. tests/e2e/lib.sh

"$ARC" header -o "$T/arc_rt.h" || { not_ok "arc header"; exit 1; }
"$ARC" runtime -o "$T/rt1.o" && "$ARC" runtime -o "$T/rt2.o"
check "runtime image is byte-identical from run to run" cmp -s "$T/rt1.o" "$T/rt2.o"
readelf -a -W "$T/rt1.o" > "$T/readelf.out" 2>&1
check "runtime image: readelf -a exits 0" test $? -eq 0
check "runtime image: readelf -a prints no warning" sh -c "! grep -qi -e warning -e error '$T/readelf.out'"
check "runtime image: one section per function (.text._start, .text.arc_write)" \
    sh -c "grep -q ' .text._start ' '$T/readelf.out' && grep -q ' .text.arc_write ' '$T/readelf.out'"

for src in tests/e2e/c/*.c; do
    name=$(basename "$src" .c)
    if ! gcc $FREESTANDING -I"$T" -c "$src" -o "$T/$name.o" ||
       ! "$ARC" link -o "$T/$name" "$T/$name.o"; then
        not_ok "$name builds"
        continue
    fi
    run_both "$name" "$T/$name" "$src" "$(directive workers "$src")"
done

# The same program links with LLVM's lld.
if ARC_LD=ld.lld "$ARC" link -o "$T/hello.lld" "$T/hello.o" 2> "$T/lld.err"; then
    RUN_ENV= run_expect "hello linked by ld.lld (native)" "" "$T/hello.lld" tests/e2e/c/hello.c
    RUN_ENV= run_expect "hello linked by ld.lld (qemu-x86_64)" "$QEMU" "$T/hello.lld" tests/e2e/c/hello.c
else
    not_ok "hello links with ld.lld"
    sed 's/^/# /' "$T/lld.err"
fi

# The hello program, linked without the crash reporter, is the size and
# shape showcase (tests/e2e/crash_report.sh measures it with the reporter).
h=$T/hello.tiny
if ! "$ARC" link --no-crash-report -o "$h" "$T/hello.o"; then
    not_ok "arc link --no-crash-report hello"
fi
run_both "hello linked with --no-crash-report" "$h" tests/e2e/c/hello.c
check "hello: file(1) says statically linked" sh -c "file '$h' | grep -q 'statically linked'"
check "hello: no PT_INTERP" sh -c "! readelf -lW '$h' | grep -q INTERP"
check "hello: no dynamic section" sh -c "readelf -dW '$h' | grep -q 'no dynamic section'"
check "hello: ET_EXEC" sh -c "readelf -hW '$h' | grep -q 'EXEC (Executable file)'"
check "hello: non-executable stack" sh -c "readelf -lW '$h' | grep GNU_STACK | grep -q ' RW '"
check "hello: a single R+X PT_LOAD (writes no memory before main)" \
    sh -c "test \$(readelf -lW '$h' | grep -c ' LOAD ') -eq 1 && readelf -lW '$h' | grep ' LOAD ' | grep -q ' R E '"
strip -o "$T/hello.stripped" "$h"
size=$(wc -c < "$T/hello.stripped")
echo "# hello stripped size: $size bytes (target under 1024; musl static write hello: 13376)"
check "hello: stripped size $size bytes is under 1 KiB" test "$size" -lt 1024

# arc link -s keeps only what the kernel maps (DESIGN target: under 512 B).
if "$ARC" link -s --no-crash-report -o "$T/hello.s" "$T/hello.o"; then
    run_both "hello linked with -s" "$T/hello.s" tests/e2e/c/hello.c
    size=$(wc -c < "$T/hello.s")
    echo "# hello with arc link -s: $size bytes (target under 512)"
    check "hello with -s: $size bytes, under 512" test "$size" -lt 512
    check "hello with -s: no section headers, still a static executable" \
        sh -c "file '$T/hello.s' | grep -q 'statically linked, no section header'"
else
    not_ok "arc link -s"
fi
