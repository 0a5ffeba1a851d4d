#!/bin/sh
# Bad input to the driver: one clear error line, a non-zero status, and
# never a partial file under the output name; -o never destroys a symlink,
# a device, a FIFO or an input; a failed write to standard output is an
# error.
. tests/e2e/lib.sh

# expect_error NAME STATUS PATTERN CMD...: CMD exits with STATUS and its
# stderr is one line matching PATTERN.
expect_error() {
    name=$1 want=$2 pat=$3
    shift 3
    "$@" > "$T/out" 2> "$T/err"
    st=$?
    lines=$(wc -l < "$T/err")
    if [ "$st" -eq "$want" ] && [ "$lines" -eq 1 ] && grep -q -- "$pat" "$T/err"; then
        ok "$name"
    else
        not_ok "$name"
        echo "# status $st (want $want), $lines stderr lines:"
        sed 's/^/# /' "$T/err"
    fi
}

expect_error "unknown command" 2 "unknown command 'frobnicate'" "$ARC" frobnicate
expect_error "unknown flag" 2 "unknown option '--bogus'" "$ARC" runtime --bogus -o "$T/x.o"
expect_error "-s only means something to link" 2 "unknown option '-s'" "$ARC" runtime -s -o "$T/x.o"
expect_error "-o without a file" 2 "-o needs an argument (-o FILE)" "$ARC" runtime -o
expect_error "runtime without -o" 2 "usage: arc runtime -o FILE" "$ARC" runtime
expect_error "link: missing input" 1 "cannot read $T/missing.o" "$ARC" link -o "$T/prog" "$T/missing.o"
check "link: no output left behind" test ! -e "$T/prog"
expect_error "runtime: unwritable output" 1 "cannot write /nonexistent/dir/rt.o" "$ARC" runtime -o /nonexistent/dir/rt.o
mkdir "$T/ro" && chmod 555 "$T/ro"
if [ "$(id -u)" -eq 0 ]; then
    # root writes into a 0555 directory; use a path under a regular file
    ro="$T/out/rt.o"
    : > "$T/out"
else
    ro="$T/ro/rt.o"
fi
expect_error "runtime: output under a file or read-only dir" 1 "cannot write $ro" "$ARC" runtime -o "$ro"
check "runtime: no partial file" test ! -e "$ro"
ls "$T/ro" | grep -q . && not_ok "no temporary left behind" || ok "no temporary left behind"
printf 'junk' > "$T/bad.o"
"$ARC" link -o "$T/bad" "$T/bad.o" > /dev/null 2> "$T/err"
st=$?
if [ "$st" -ne 0 ] && [ ! -e "$T/bad" ] && grep -q "linking $T/bad failed" "$T/err"; then
    ok "link: a malformed object fails cleanly, no output"
else
    not_ok "link: a malformed object fails cleanly, no output"
    sed 's/^/# /' "$T/err"
fi

# arc layout prints the kernel tables the generators use.
"$ARC" layout > "$T/layout" 2>&1
check "layout: exit status 0" test $? -eq 0
check "layout: sigaction is 32 bytes, flags at 8" sh -c "grep -A2 '^sigaction ' '$T/layout' | tr -s ' ' | grep -q 'flags 8 8'"
check "layout: ucontext is 304 bytes" sh -c "grep -q '^ucontext  *304$' '$T/layout'"

# --- -o never destroys what it should not (issue 8) -----------------------
printf 'namespace main\nfunc main() int32 {\n    return 5\n}\n' > "$T/p.arc"
# a symlink: its target is written, the link stays a link
echo data > "$T/target"
ln -s target "$T/lnk"
"$ARC" build "$T/p.arc" -o "$T/lnk"
check "-o symlink: still a symlink" test -L "$T/lnk"
"$T/target"
check "-o symlink: the target is the program (exit 5)" test $? -eq 5
"$ARC" header -o "$T/lnk"
check "header -o symlink: the target holds the header" sh -c "test -L '$T/lnk' && grep -q ARC_RT_H '$T/target'"
# a dangling symlink: the file it names is created
ln -s made "$T/dangling"
"$ARC" runtime -o "$T/dangling"
check "-o dangling symlink: creates its target" sh -c "test -L '$T/dangling' && test -f '$T/made'"
# a FIFO: written in place (a reader gets the bytes), not replaced
mkfifo "$T/fifo"
timeout 20 cat "$T/fifo" > "$T/fifo.got" &   # a hang becomes a failure
reader=$!
"$ARC" build "$T/p.arc" -o "$T/fifo"
st=$?
wait $reader
check "-o FIFO: written in place, still a FIFO" sh -c "[ $st -eq 0 ] && test -p '$T/fifo' && head -c 4 '$T/fifo.got' | grep -q ELF"
timeout 20 cat "$T/fifo" > "$T/fifo.got" &   # a hang becomes a failure
reader=$!
"$ARC" header -o "$T/fifo"
st=$?
wait $reader
check "header -o FIFO: the reader gets the header" sh -c "[ $st -eq 0 ] && test -p '$T/fifo' && grep -q ARC_RT_H '$T/fifo.got'"
# a magic link to a pipe (as /dev/stdout is): written through its name
"$ARC" header -o /proc/self/fd/1 | grep -q ARC_RT_H
check "header -o /proc/self/fd/1 (a pipe): the reader gets the header" test $? -eq 0
# a device node (a private /dev/null; mknod needs root)
if mknod "$T/devnull" c 1 3 2> /dev/null; then
    "$ARC" build "$T/p.arc" -o "$T/devnull"
    check "-o device: exit 0, still a character device" sh -c "[ $? -eq 0 ] && test -c '$T/devnull'"
    "$ARC" runtime -o "$T/devnull"
    check "runtime -o device: still a character device" test -c "$T/devnull"
else
    ok "-o device # SKIP mknod needs root"
fi
# the output is an input: refused, the source intact
cp "$T/p.arc" "$T/q.arc"
cp "$T/q.arc" "$T/q.orig"
expect_error "-o the source itself: refused" 1 "the output $T/q.arc is the input $T/q.arc" \
    "$ARC" build "$T/q.arc" -o "$T/q.arc"
check "-o the source itself: the source is intact" cmp -s "$T/q.arc" "$T/q.orig"
ln -s q.arc "$T/qlink"
expect_error "-o a symlink to the source: refused" 1 "is the input $T/q.arc" \
    "$ARC" build "$T/q.arc" -o "$T/qlink"
check "-o a symlink to the source: the source is intact" cmp -s "$T/q.arc" "$T/q.orig"
"$ARC" build "$T/q.arc" -o "$T/q" && "$ARC" build --emit=obj "$T/q.arc" -o "$T/q.o"
expect_error "link -o an input object: refused" 1 "is the input $T/q.o" "$ARC" link -o "$T/q.o" "$T/q.o"
check "link -o an input object: still the object" sh -c "readelf -h '$T/q.o' | grep -q REL"
# an output that is a directory
mkdir "$T/outdir"
expect_error "-o a directory" 1 "cannot write $T/outdir: Is a directory" "$ARC" build "$T/p.arc" -o "$T/outdir"

# --- write errors are errors ---------------------------------------------
for c in header layout help "ir $T/p.arc" "build --emit=asm $T/p.arc"; do
    # shellcheck disable=SC2086
    "$ARC" $c > /dev/full 2> "$T/err"
    st=$?
    label=$(echo "$c" | sed "s|$T/||")
    if [ "$st" -eq 1 ] && [ "$(wc -l < "$T/err")" -eq 1 ] &&
        grep -q "writing standard output: No space left on device" "$T/err"; then
        ok "arc $label > /dev/full: exit 1, one error line"
    else
        not_ok "arc $label > /dev/full: exit status $st"
        sed 's/^/# /' "$T/err"
    fi
done

# --- inputs -----------------------------------------------------------------
mkdir "$T/srcdir"
expect_error "build DIR: is a directory" 1 "arc build: error: $T/srcdir is a directory" "$ARC" build "$T/srcdir"
cp "$T/p.arc" "$T/b.arc"
expect_error "build a.arc b.arc: one source file per program" 2 \
    "$T/b.arc: a program is one source file ($T/p.arc)" "$ARC" build "$T/p.arc" "$T/b.arc" -o "$T/two"
check "build a.arc b.arc: no output" test ! -e "$T/two"
echo text > "$T/x.txt"
expect_error "build x.txt: unknown kind of input" 2 "x.txt: unknown kind of input" "$ARC" build "$T/p.arc" "$T/x.txt"
# A program too big for one object (image/elf.c: a section per function
# and datum, and an ELF section index stops at 65,279): a clear error and
# no output, not an internal error.  60,000 functions, each calling the
# next (the checker looks each callee up in a map: about a second).
awk 'BEGIN { print "namespace main"
             for (i = 0; i < 59999; i++) printf "func f%d(x: int64) int64 { return f%d(x) + 1 }\n", i, i + 1
             print "func f59999(x: int64) int64 { return x }"
             print "func main() int32 { return cast<int32>(f0(0) - 59999) }" }' > "$T/huge.arc"
expect_error "build: 60,000 functions: too many sections for one object" 1 \
    "arc: error: the object needs 120003 sections, more than an ELF section index holds (65279)" \
    "$ARC" build "$T/huge.arc" -o "$T/huge"
check "build: 60,000 functions: no output" test ! -e "$T/huge"
