#!/bin/sh
# Bad input to the driver: one clear error line, a non-zero status, and
# never a partial file under the output name.
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
expect_error "-o without a file" 2 "-o needs a file name" "$ARC" runtime -o
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
