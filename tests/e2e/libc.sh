#!/bin/sh
# The C layer (stdlib_arc/libc.arc) against glibc, and its stdio buffering.
#
# tests/libc/*.c are built twice: with gcc against glibc, and freestanding
# (-DARC_FREESTANDING, declarations from tests/libc/clib.h) linked onto the
# runtime with the C layer.  Each runs in a fresh scratch directory; the
# glibc run and the arc runs (native and qemu-x86_64) must all print the
# source's "// expect:" lines (glibc's output, checked in); stdin is
# tests/libc/NAME.in when it exists.
# tests/libc/*.arc check buffering: flush at return from main, exit() and
# a runtime error, no flush at a crash or abort() (but line buffering on a
# terminal),
# no torn lines from 1,000 tasks on 2 workers.
. tests/e2e/lib.sh

# in_dir NAME RUNNER PROG [STDIN]: run PROG in a fresh directory, stdout to
# $T/NAME.out
in_dir() {
    rm -rf "$T/run" && mkdir "$T/run" &&
        (cd "$T/run" && LIBC_TEST_VAR=value-1 timeout 60 $2 "$3" < "${4:-/dev/null}" > "$T/$1.out" 2> "$T/$1.err")
}

for src in tests/libc/*.c; do
    name=$(basename "$src" .c)
    [ "$name" = math_ulp ] && continue     # against musl: below
    directive expect "$src" > "$T/$name.want"
    input=/dev/null
    [ -f "tests/libc/$name.in" ] && input=$PWD/tests/libc/$name.in
    if gcc -std=c11 -D_DEFAULT_SOURCE -O2 -Wall -Wextra -Werror -o "$T/$name.glibc" "$src" -lm; then
        in_dir glibc "" "$T/$name.glibc" "$input"
        check "$name: glibc prints the expect lines" cmp -s "$T/$name.want" "$T/glibc.out"
    else
        not_ok "$name builds against glibc"
    fi
    # shellcheck disable=SC2086
    if ! gcc $FREESTANDING -DARC_FREESTANDING -c "$src" -o "$T/$name.o" ||
       ! "$ARC" link -o "$T/$name" "$T/$name.o" -l c; then
        not_ok "$name builds on the C layer"
        continue
    fi
    for runner in "" "$QEMU"; do
        label="$name on the C layer (${runner:-native}) prints what glibc prints"
        if in_dir arc "$runner" "$T/$name" "$input" && cmp -s "$T/$name.want" "$T/arc.out"; then
            ok "$label"
        else
            not_ok "$label"
            diff "$T/$name.want" "$T/arc.out" | sed 's/^/# /' | head -10
        fi
    done
done

# tests/libc/math_ulp.c: sin cos tan atan atan2 exp log log2 log10 pow and
# their float versions within 1 ulp of musl's (the source says how).  The
# C layer's results (native, then under qemu) go through a pipe to the
# program built with musl, which compares, prints a line a function and
# exits 0 only if all is well; the lines go to the TAP output as comments.
# shellcheck disable=SC2086
if musl-gcc -static -std=c11 -O2 -Wall -Wextra -Werror -Itests/libc -o "$T/math_ulp.musl" tests/libc/math_ulp.c -lm &&
   gcc $FREESTANDING -DARC_FREESTANDING -c tests/libc/math_ulp.c -o "$T/math_ulp.o" &&
   "$ARC" link -o "$T/math_ulp" "$T/math_ulp.o" -l c; then
    for runner in "" "$QEMU"; do
        timeout 600 $runner "$T/math_ulp" | timeout 600 "$T/math_ulp.musl" > "$T/ulp.out"
        st=$?
        sed 's/^/# /' "$T/ulp.out"
        lines=$(grep -c '^[a-z0-9]*: 1000000 inputs, max [01] ulp, [0-9]* differ$' "$T/ulp.out")
        check "math_ulp (${runner:-native}): 20 functions within 1 ulp of musl, specials identical" \
            sh -c "[ $st -eq 0 ] && [ $lines -eq 20 ]"
    done
else
    not_ok "math_ulp builds with musl and on the C layer"
fi

for src in tests/libc/*.arc; do
    name=$(basename "$src" .arc)
    "$ARC" build "$src" -o "$T/$name" || not_ok "$name builds"
done

# bytes_are NAME WANT STATUS RUNNER PROG: stdout to a file and to a pipe.
bytes_are() {
    timeout 60 $4 "$5" > "$T/b.out" 2> /dev/null
    st=$?
    printf '%s' "$2" > "$T/b.want"
    check "$1 (${4:-native}, to a file): status $st (want $3), bytes" sh -c "[ $st -eq $3 ] && cmp -s '$T/b.want' '$T/b.out'"
    timeout 60 $4 "$5" 2> /dev/null | cat > "$T/b.out"
    check "$1 (${4:-native}, to a pipe): bytes" cmp -s "$T/b.want" "$T/b.out"
}
for runner in "" "$QEMU"; do
    bytes_are "return from main flushes printf/puts/putchar in order" "a1 b
c d" 0 "$runner" "$T/exit_return"
    bytes_are "exit(3) flushes" "partial then exit" 3 "$runner" "$T/exit_call"
    bytes_are "a crash does not flush (what fflush wrote stays)" "kept
" 139 "$runner" "$T/crash_buffered"
    bytes_are "a runtime error flushes" "before" 2 "$runner" "$T/fatal_flush"
    bytes_are "abort() dies by SIGABRT without flushing" "kept
" 134 "$runner" "$T/abort"
    # on a terminal stdout is line buffered: both lines are out before the crash
    if command -v script > /dev/null; then
        script -qec "$runner $T/crash_buffered" /dev/null < /dev/null 2> /dev/null | tr -d '\r' |
            grep -x -e kept -e lost > "$T/tty.out"
        printf 'kept\nlost\n' > "$T/tty.want"
        check "on a terminal (script(1), ${runner:-native}) stdout is line buffered" cmp -s "$T/tty.want" "$T/tty.out"
    else
        not_ok "script(1) is needed for the terminal test"
    fi
    ARC_WORKERS=2 timeout 120 $runner "$T/tasks_lines" > "$T/tl.out"
    st=$?
    good=$(grep -cE '^(task ([0-9]{4}) begin 0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ end \2|puts line from a task, whole)$' "$T/tl.out")
    ids=$(sed -n 's/^task \([0-9]*\) begin.*/\1/p' "$T/tl.out" | sort -u | wc -l)
    check "1,000 tasks on 2 workers (${runner:-native}): 2,000 whole lines, every task once, sum last" \
        sh -c "[ $st -eq 0 ] && [ $good -eq 2000 ] && [ $ids -eq 1000 ] && [ \"\$(tail -1 '$T/tl.out')\" = 'sum 499500' ] && [ \$(wc -l < '$T/tl.out') -eq 2001 ]"
done

# printf's float formatting comes along only when a program can format a
# float: a call whose format is a string literal converting no float, with
# no float argument, goes to the C layer's no-float twin (gen/front/
# lower.c, nofloat_twin).  nm names what was linked.
cat > "$T/nf_int.arc" <<'SRC'
namespace main

extern c {
    func printf(*byte, ...) int32
    func fprintf(*void, *byte, ...) int32
    func dprintf(int32, *byte, ...) int32
    func snprintf(*byte, usize, *byte, ...) int32
    func sprintf(*byte, *byte, ...) int32
    func fflush(*void) int32
    func fopen(*byte, *byte) *void
    func fclose(*void) int32
}

func main() int32 {
    let b: [32]byte = {}
    printf("hello %d %5.2s|%-4x|%%f\n", 42, "abc", 255)
    let f = fopen("/dev/null", "w")
    printf("%d\n", fprintf(f, "%lu %c\n", cast<uint64>(7), 'z'))
    fclose(f)
    snprintf(&b[0], 32, "%03d", 5)
    printf("%s\n", &b[0])
    sprintf(&b[0], "%+d", 9)
    printf("%s\n", &b[0])
    fflush(null)
    dprintf(1, "%p\n", cast<*void>(null))
    return 0
}
SRC
cat > "$T/nf_float.arc" <<'SRC'
namespace main

extern c {
    func printf(*byte, ...) int32
}

func main() int32 {
    printf("%.3f\n", 3.14159)
    return 0
}
SRC
cat > "$T/nf_var.arc" <<'SRC'
namespace main

extern c {
    func printf(*byte, ...) int32
}

func main() int32 {
    let fmt = "%d (a format that is not a literal)\n"
    printf(fmt, 1)
    return 0
}
SRC
printf 'hello 42    ab|ff  |%%f\n4\n005\n+9\n(nil)\n' > "$T/nf_int.want"
printf '3.142\n' > "$T/nf_float.want"
printf '1 (a format that is not a literal)\n' > "$T/nf_var.want"
for p in nf_int:no nf_float:yes nf_var:yes; do
    name=${p%:*}
    want=${p#*:}
    if ! "$ARC" build "$T/$name.arc" -o "$T/$name" 2> "$T/$name.err"; then
        not_ok "$name builds"
        sed 's/^/# /' "$T/$name.err" | head -5
        continue
    fi
    has=no
    nm "$T/$name" | grep -q '_fmt_float$' && has=yes
    check "$name: float formatting linked: $has (want $want)" test $has = $want
    for runner in "" "$QEMU"; do
        timeout 60 $runner "$T/$name" > "$T/$name.out" 2>&1
        check "$name (${runner:-native}) prints what glibc's printf would" cmp -s "$T/$name.want" "$T/$name.out"
    done
done
strip -o "$T/nf_int.s" "$T/nf_int" && strip -o "$T/nf_float.s" "$T/nf_float" &&
    echo "# stripped: integer-only printf program $(wc -c < "$T/nf_int.s") B, with %f $(wc -c < "$T/nf_float.s") B"
