#!/bin/sh
# The command line as `arc help` documents it: every command, the link
# options (-o, -L, -l, -l c), default output names, arc run's exit status
# and arguments, arc check writing nothing, the link errors (a missing
# library, undefined symbols at their Arc call site).  Programs run
# natively and under qemu-x86_64.  (Bad input and -o safety: cli.sh.)
. tests/e2e/lib.sh
D=tests/e2e/cli
ARC_ABS=$(cd "$(dirname "$ARC")" && pwd)/$(basename "$ARC")
SRC_ABS=$(pwd)/$D
mkdir "$T/tmp"

# expect_lines NAME STATUS FILE CMD...: CMD exits with STATUS and its
# stderr is exactly FILE's lines.
expect_lines() {
    _name=$1 _want=$2 _file=$3
    shift 3
    "$@" > "$T/out" 2> "$T/err"
    _st=$?
    if [ "$_st" -eq "$_want" ] && cmp -s "$_file" "$T/err"; then
        ok "$_name"
    else
        not_ok "$_name"
        echo "# status $_st (want $_want); stderr:"
        diff "$_file" "$T/err" | sed 's/^/# /'
    fi
}

# --- arc build, as build scripts in the wild call it ----------------------
cp "$D/hello.ax" "$T/prog.ax"
(cd "$T" && "$ARC_ABS" build prog.ax -o prog -L /usr/lib/x86_64-linux-gnu -l c) 2> "$T/err"
check "build prog.ax -o prog -L /usr/lib/x86_64-linux-gnu -l c" test -x "$T/prog"
run_both "hello.ax" "$T/prog" "$D/hello.ax"
# joined forms, in another order
"$ARC" build -lc "$D/hello.ax" -L/usr/lib/x86_64-linux-gnu -o "$T/joined"
run_both "hello.ax built with -lc -L/dir" "$T/joined" "$D/hello.ax"
# no -o: the source's base name, in the current directory
mkdir "$T/here"
(cd "$T/here" && "$ARC_ABS" build "$SRC_ABS/hello.ax")
check "no -o: writes ./hello and nothing else" sh -c "[ \"\$(ls '$T/here')\" = hello ]"
run_both "hello.ax built without -o" "$T/here/hello" "$D/hello.ax"
(cd "$T/here" && "$ARC_ABS" exe "$SRC_ABS/hello.ax" -o exe_out)
run_both "arc exe" "$T/here/exe_out" "$D/hello.ax"

# the same source gives the same executable (no temporary name inside)
"$ARC" build "$D/hello.ax" -o "$T/same1" && "$ARC" build "$D/hello.ax" -o "$T/same2" -l c
check "build is deterministic (-l c adds nothing an Arc program already has)" cmp -s "$T/same1" "$T/same2"

# --- -L and -l -------------------------------------------------------------
mkdir "$T/lib1" "$T/lib2"
# shellcheck disable=SC2086
gcc $FREESTANDING -c "$D/twice.c" -o "$T/twice.o" && ar rcs "$T/lib2/libtwice.a" "$T/twice.o"
"$ARC" build "$D/uselib.arc" -L "$T/lib1" -L "$T/lib2" -l twice -o "$T/uselib"
run_both "-L DIR -L DIR -l twice: libtwice.a from the second directory" "$T/uselib" "$D/uselib.arc"
echo "arc: error: cannot find library -lnosuchlib: no libnosuchlib.a in $T/lib1, $T/lib2" > "$T/want"
expect_lines "-l nosuchlib: one line naming it and the directories" 1 "$T/want" \
    "$ARC" build "$D/hello.ax" -L "$T/lib1" -L"$T/lib2" -lnosuchlib -o "$T/nolib"
check "-l nosuchlib: no output" test ! -e "$T/nolib"
echo "arc: error: cannot find library -lnosuchlib: no -L directory given to look for libnosuchlib.a in" > "$T/want"
expect_lines "-l nosuchlib without -L" 1 "$T/want" "$ARC" build "$D/hello.ax" -l nosuchlib -o "$T/nolib"

# --- undefined symbols: one line each, at the first Arc call --------------
cat > "$T/want" <<EOF
$D/undef.arc:13: error: undefined symbol 'nosuch_fn' (an extern c function that neither stdlib_arc nor the objects and libraries given define)
$D/undef.arc:14: error: undefined symbol 'nosuch_other' (an extern c function that neither stdlib_arc nor the objects and libraries given define)
EOF
expect_lines "undefined symbols (GNU ld): file:line of the first call" 1 "$T/want" \
    "$ARC" build "$D/undef.arc" -o "$T/undef"
check "undefined symbols: no output" test ! -e "$T/undef"
sort "$T/want" > "$T/want.sorted"
ARC_LD=ld.lld "$ARC" build "$D/undef.arc" -o "$T/undef" 2> "$T/err.lld"
st=$?
sort "$T/err.lld" > "$T/err.sorted"
if [ "$st" -eq 1 ] && cmp -s "$T/want.sorted" "$T/err.sorted"; then
    ok "undefined symbols (ld.lld): the same lines"
else
    not_ok "undefined symbols (ld.lld): status $st"
    sed 's/^/# /' "$T/err.lld"
fi

# --- arc link -l c: a freestanding C program on the C layer ---------------
# shellcheck disable=SC2086
gcc $FREESTANDING -c "$D/cprintf.c" -o "$T/cprintf.o"
"$ARC" link -o "$T/cprintf" "$T/cprintf.o" -l c
printf '// expect: C via libc.arc: ok 1  2.50\n' > "$T/cprintf.spec"
run_both "arc link -l c: printf and malloc from libc.arc" "$T/cprintf" "$T/cprintf.spec"
ARC_LD=ld.lld "$ARC" link -o "$T/cprintf_lld" "$T/cprintf.o" -l c
run_both "arc link -l c with ld.lld (the same archive)" "$T/cprintf_lld" "$T/cprintf.spec"
echo "arc: error: undefined symbol 'malloc' (used by the objects or libraries given, defined by none of them)" > "$T/want"
echo "arc: error: undefined symbol 'printf' (used by the objects or libraries given, defined by none of them)" >> "$T/want"
expect_lines "arc link without -l c: printf and malloc undefined" 1 "$T/want" \
    "$ARC" link -o "$T/cprintf2" "$T/cprintf.o"

# --- arc run ----------------------------------------------------------------
TMPDIR=$T/tmp "$ARC" run "$D/args.ir" -l c -- "b c" -x > "$T/out" 2> "$T/err"
st=$?
check "run: arguments after -- reach the program" sh -c "[ \"\$(cat '$T/out')\" = '[b c][-x]' ]"
check "run: exit status passed through (argc + 40 = 43, got $st)" test "$st" -eq 43
TMPDIR=$T/tmp "$ARC" run "$D/hello.ax" > "$T/out"
check "run: hello.ax exits 7" test $? -eq 7
TMPDIR=$T/tmp "$ARC" run "$D/segv.arc" > "$T/out" 2> "$T/err"
st=$?
check "run: a death by SIGSEGV is 139 (got $st)" test "$st" -eq 139
check "run: the temporary files are gone" sh -c "[ -z \"\$(ls '$T/tmp')\" ]"

# --- arc check ----------------------------------------------------------------
mkdir "$T/chk"
cp "$D/hello.ax" "$T/chk/"
printf 'namespace main\nfunc main() int32 {\n    return nothere\n}\n' > "$T/chk/bad.arc"
(cd "$T/chk" && TMPDIR="$T/tmp" "$ARC_ABS" check hello.ax > "$T/out" 2> "$T/err")
check "check: a good program exits 0, silently" sh -c "[ \$? -eq 0 ] && [ ! -s '$T/out' ] && [ ! -s '$T/err' ]"
(cd "$T/chk" && TMPDIR="$T/tmp" "$ARC_ABS" check bad.arc > "$T/out" 2> "$T/err")
st=$?
check "check: an error exits 1 with file:line:col" sh -c "[ $st -eq 1 ] && grep -q '^bad.arc:3:12: error: ' '$T/err'"
check "check: nothing written" sh -c "[ \"\$(ls '$T/chk' | tr '\n' ' ')\" = 'bad.arc hello.ax ' ] && [ -z \"\$(ls '$T/tmp')\" ]"
"$ARC" check "$D/undef.arc"
check "check: link errors are not the front end's (undef.arc checks)" test $? -eq 0

# --- arc ir, arc obj ----------------------------------------------------------
"$ARC" ir "$D/hello.ax" > "$T/hello.ir"
# shellcheck disable=SC2016
check "ir: IR text on stdout (export func i32 \$main)" grep -q '^export func i32 \$main()' "$T/hello.ir"
"$ARC" ir "$D/hello.ax" -o "$T/hello2.ir"
check "ir -o FILE: the same text" cmp -s "$T/hello.ir" "$T/hello2.ir"
"$ARC" build "$T/hello.ir" -l c -o "$T/from_ir"
run_both "the printed IR builds again" "$T/from_ir" "$D/hello.ax"
(cd "$T/here" && "$ARC_ABS" obj "$SRC_ABS/hello.ax")
check "obj: writes ./hello.o, an ELF relocatable" sh -c "readelf -h '$T/here/hello.o' | grep -q 'REL (Relocatable file)'"
"$ARC" link -o "$T/from_obj" "$T/here/hello.o"
run_both "obj then link" "$T/from_obj" "$D/hello.ax"

# --- help ---------------------------------------------------------------------
"$ARC" help > "$T/help"
check "help: exit status 0" test $? -eq 0
for c in build exe run check ir obj link runtime header layout help; do
    check "help: mentions arc $c" grep -Eq "^  arc $c( |$)" "$T/help"
    "$ARC" $c --help > "$T/chelp"
    check "$c --help: exit 0, describes arc $c" sh -c "[ $? -eq 0 ] && grep -Eq '^  arc $c( |$)' '$T/chelp'"
done
for o in -o --emit= -s -L -l; do
    check "help: describes $o" grep -q "^  $o" "$T/help"
done
"$ARC" build --help > "$T/chelp"
check "build --help: lists -o, -L and -l" sh -c "grep -q '^  -o FILE' '$T/chelp' && grep -q '^  -L DIR' '$T/chelp' && grep -q '^  -l NAME' '$T/chelp'"
"$ARC" help run > "$T/hrun"
check "help run: the run command's text" grep -q "128+n" "$T/hrun"
