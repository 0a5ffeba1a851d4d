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
    # -l c's C layer goes through the optimiser (gen/build.c): libc's
    # double-double helpers are inlined where they are used, so none of
    # them is left to link (unoptimised, pow called each one)
    check "math_ulp: -l c is optimised: no _m_two_prod, _m_fast_sum or _m_dd_mul linked" \
        sh -c "nm '$T/math_ulp' | grep -q '_m_log_dd' && ! nm '$T/math_ulp' | grep -q -e '_m_two_prod' -e '_m_fast_sum' -e '_m_dd_mul'"
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
# name:float formatting:the format loop (nf_int's %5.2s needs the loop;
# nf_float's %.3f is a piece's)
for p in nf_int:no:yes nf_float:yes:no nf_var:yes:yes; do
    name=${p%%:*}
    want=${p#*:}
    wantloop=${want#*:}
    want=${want%:*}
    if ! "$ARC" build "$T/$name.arc" -o "$T/$name" 2> "$T/$name.err"; then
        not_ok "$name builds"
        sed 's/^/# /' "$T/$name.err" | head -5
        continue
    fi
    has=no
    nm "$T/$name" | grep -q '_fmt_float$' && has=yes
    check "$name: float formatting linked: $has (want $want)" test $has = $want
    # a literal format: the pieces, not the format loop
    loop=no
    nm "$T/$name" | grep -q '_format$' && loop=yes
    check "$name: the format loop linked: $loop (want $wantloop)" test $loop = $wantloop
    for runner in "" "$QEMU"; do
        timeout 60 $runner "$T/$name" > "$T/$name.out" 2>&1
        check "$name (${runner:-native}) prints what glibc's printf would" cmp -s "$T/$name.want" "$T/$name.out"
    done
done
strip -o "$T/nf_int.s" "$T/nf_int" && strip -o "$T/nf_float.s" "$T/nf_float" &&
    echo "# stripped: integer-only printf program $(wc -c < "$T/nf_int.s") B, with %f $(wc -c < "$T/nf_float.s") B"

# printf/fprintf with a literal format whose conversions the C layer's
# pieces print are lowered to them (gen/front/lower.c, pf_conv and
# printf_pieces); the others go to the general path.  One program per side, from the table
# below (format, Arc arguments, C arguments; tab-separated): each call's
# output and result ("[n]") through printf to stdout, through fprintf to a
# file and through dprintf to stderr must be glibc's, byte for byte.
cat > "$T/fmt.table" <<'TABLE'
hello\n		
%d %i %u\n	42, -42, 42	42, -42, 42u
%d|%d|%d|%d\n	0, 2147483647, -2147483647 - 1, -1	0, 2147483647, -2147483647 - 1, -1
%u %x %X %o\n	-1, -1, 255, 8	-1, -1, 255, 8
%ld %li %lu %lx %lX %lo\n	cast<int64>(-5), cast<int64>(6), cast<uint64>(7), cast<uint64>(0xabc), cast<uint64>(0xabc), cast<uint64>(64)	-5L, 6L, 7UL, 0xabcUL, 0xabcUL, 64UL
%ld %ld\n	cast<int64>(-9223372036854775807) - 1, cast<int64>(9223372036854775807)	-9223372036854775807L - 1, 9223372036854775807L
%llu %llx %llo %lld\n	cast<uint64>(18446744073709551615), cast<uint64>(18446744073709551615), cast<uint64>(18446744073709551615), cast<int64>(0)	18446744073709551615ULL, 18446744073709551615ULL, 18446744073709551615ULL, 0LL
%zu %zd %jd %td\n	cast<usize>(123), cast<isize>(-9), cast<int64>(7), cast<int64>(-3)	(size_t)123, (long)-9, (long)7, (long)-3
%d %d %d %u\n	cast<int8>(-3), cast<uint8>(200), true, cast<uint32>(cast<int64>(4000000000))	(signed char)-3, (unsigned char)200, 1, 4000000000u
%c%c%c|%s|%s|\n	'a', 'b', 'c', "str", ""	'a', 'b', 'c', "str", ""
%s %p %p\n	cast<*byte>(null), cast<*void>(null), cast<*void>(cast<int64>(0x1234abcd))	(char *)0, (void *)0, (void *)0x1234abcdL
100%% %%d %d%%%s\n	5, "x"	5, "x"
%5d|%-5d|%05d|%+d|% d|%.3d|%8.3x|%#x|%#o\n	42, 42, -42, 42, 42, 7, 255, 255, 8	42, 42, -42, 42, 42, 7, 255, 255, 8
%-8s|%.2s|%10p|%hhd|%hd|%*d|%-*d|\n	"ab", "abc", cast<*void>(cast<int64>(0xff)), 300, 70000, 6, 42, 4, 1	"ab", "abc", (void *)0xffL, 300, 70000, 6, 42, 4, 1
%#lx %+ld %08lu %.0d|%c\n	cast<uint64>(0), cast<int64>(-1), cast<uint64>(99), 0, 65	0UL, -1L, 99UL, 0, 65
%+5d|%-+5d|% 05d|%+05d|%-05d|%0d|%1d|%+u|%+x|% x|\n	-42, 42, 42, -7, 3, -8, 123, 9, 255, 255	-42, 42, 42, -7, 3, -8, 123, 9u, 255u, 255u
%#8x|%#08x|%#-8X|%#o|%#x|%#5o|%#lo|%08u|%020lu|%-20ld|\n	255, 255, 255, 0, 0, 8, cast<int64>(0), 77, cast<uint64>(18446744073709551615), cast<int64>(-9223372036854775807) - 1	255, 255, 255, 0, 0, 8, 0L, 77u, 18446744073709551615UL, -9223372036854775807L - 1
%20s|%-20s|%3s|%5s|%-7s|%s%10d\n	"right", "left", "longer", cast<*byte>(null), cast<*byte>(null), "", 0	"right", "left", "longer", (char *)0, (char *)0, "", 0
%f %.3f %.0f %#.0f %e %.2E %g %G %F\n	3.14159, 2.0005, 2.5, 3.0, 123456.789, -0.000123, 0.0001, 1e-5, 1e20	3.14159, 2.0005, 2.5, 3.0, 123456.789, -0.000123, 0.0001, 1e-5, 1e20
%10.4f|%-12.3e|%+g|% .1f|%012.3f|%#g|%.9f|%.15g|%g\n	-1.5, 65536.0, 0.5, 7.25, -3.75, 100.0, 0.1, 0.1, cast<float32>(0.1)	-1.5, 65536.0, 0.5, 7.25, -3.75, 100.0, 0.1, 0.1, (double)0.1f
%f %e %g|%5.1f|%.20f|%.0e\n	-0.0, 1e300, 1e-300, 9.96, 1.0 / 3.0, 5e-324	-0.0, 1e300, 1e-300, 9.96, 1.0 / 3.0, 5e-324
%lf %8.3lf|%-10lg|%le\n	1.5, 2.25, 1e-7, 12345.678	1.5, 2.25, 1e-7, 12345.678
TABLE
awk -F'\t' 'BEGIN { print "namespace main\n\nextern c {\n    func printf(*byte, ...) int32\n    func fprintf(*void, *byte, ...) int32\n    func dprintf(int32, *byte, ...) int32\n    func fopen(*byte, *byte) *void\n    func fclose(*void) int32\n}\n\nfunc main() int32 {\n    let f = fopen(\"fp.out\", \"w\")" }
    { a = $2 == "" ? "" : ", " $2
      printf "    printf(\"[%%d]\\n\", printf(\"%s\"%s))\n    fprintf(f, \"[%%d]\\n\", fprintf(f, \"%s\"%s))\n", $1, a, $1, a
      printf "    dprintf(2, \"[%%d]\\n\", dprintf(2, \"%s\"%s))\n", $1, a }
    END { print "    fclose(f)\n    return 0\n}" }' "$T/fmt.table" > "$T/fmt.arc"
awk -F'\t' 'BEGIN { print "#include <stdio.h>\n#include <string.h>\n\nint main(void)\n{\n    FILE *f = fopen(\"fp.out\", \"w\");" }
    { a = $3 == "" ? "" : ", " $3
      printf "    printf(\"[%%d]\\n\", printf(\"%s\"%s));\n    fprintf(f, \"[%%d]\\n\", fprintf(f, \"%s\"%s));\n", $1, a, $1, a
      printf "    dprintf(2, \"[%%d]\\n\", dprintf(2, \"%s\"%s));\n", $1, a }
    END { print "    fclose(f);\n    return 0;\n}" }' "$T/fmt.table" > "$T/fmt.c"
if gcc -w -fno-builtin -O2 -o "$T/fmt.glibc" "$T/fmt.c" && "$ARC" build "$T/fmt.arc" -o "$T/fmt"; then
    in_dir glibc "" "$T/fmt.glibc" && cp "$T/run/fp.out" "$T/fmt.glibc.fp" && cp "$T/glibc.err" "$T/fmt.glibc.err"
    check "the format table's glibc program prints $(wc -l < "$T/fmt.table") formats" \
        test "$(grep -c '^\[' "$T/glibc.out")" -eq "$(wc -l < "$T/fmt.table")"
    for runner in "" "$QEMU"; do
        in_dir arc "$runner" "$T/fmt"
        check "printf with literal formats (${runner:-native}): glibc's bytes and results" cmp -s "$T/glibc.out" "$T/arc.out"
        check "fprintf with literal formats (${runner:-native}): glibc's bytes and results" cmp -s "$T/fmt.glibc.fp" "$T/run/fp.out"
        check "dprintf with literal formats (${runner:-native}): glibc's bytes and results" cmp -s "$T/fmt.glibc.err" "$T/arc.err"
    done
    check "the pieces print most of the table (_pf_int, _pf_intw, _pf_sw, _pf_float linked)" \
        test "$(nm "$T/fmt" | grep -c -e '_pf_int$' -e '_pf_intw$' -e '_pf_sw$' -e '_pf_float$')" -eq 4
else
    not_ok "the format table programs build"
fi

