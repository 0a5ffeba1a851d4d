#!/bin/sh
# Arc programs (tests/arc/*.arc) built with `arc build prog.arc` and run
# natively and under qemu-x86_64.  Expected stdout and exit status live in
# each file as "// expect: ..." and "// status: N" lines; "// workers: 1 2"
# runs the program once per ARC_WORKERS value; "// cc: file.c" compiles a
# freestanding C companion (tests/arc/file.c) with gcc and links it in.  The diagnostics of the
# negative tests (tests/arc/err/) are checked by tests/unit/test_front.c;
# here a few of them go through the driver for the exit status.
. tests/e2e/lib.sh

for src in tests/arc/*.arc; do
    name=$(basename "$src" .arc)
    extra=$(companions tests/arc "$(directive cc "$src")") || { echo "$extra"; continue; }
    # shellcheck disable=SC2086
    if ! "$ARC" build "$src" $extra -o "$T/$name" 2> "$T/$name.err"; then
        not_ok "$name builds"
        sed 's/^/# /' "$T/$name.err" | head -20
        continue
    fi
    run_both "$name" "$T/$name" "$src" "$(directive workers "$src")"
done

# tests/examples/wordfreq.arc against the shell pipeline its header
# describes, on two texts (this README and the front end's checker).
wordfreq_ref() {
    tr -cs 'A-Za-z' '\n' < "$1" | tr 'A-Z' 'a-z' | grep -v '^$' | LC_ALL=C sort | LC_ALL=C uniq -c |
        LC_ALL=C sort -k1,1nr -k2,2 | head -10 | awk '{print $1, $2}'
}
if "$ARC" build tests/examples/wordfreq.arc -o "$T/wordfreq" 2> "$T/wordfreq.err"; then
    for text in README.md gen/front/check.c; do
        wordfreq_ref "$text" > "$T/wf.want"
        "$T/wordfreq" "$text" > "$T/wf.got" 2>&1
        check "wordfreq $text matches tr | sort | uniq -c (native)" cmp -s "$T/wf.want" "$T/wf.got"
        $QEMU "$T/wordfreq" "$text" > "$T/wf.got" 2>&1
        check "wordfreq $text matches tr | sort | uniq -c (qemu-x86_64)" cmp -s "$T/wf.want" "$T/wf.got"
    done
    for runner in "" "$QEMU"; do
        $runner "$T/wordfreq" "$T/no-such-file" > "$T/wf.got" 2> "$T/wf.err"
        st=$?
        check "wordfreq of a missing file (${runner:-native}): exit 1, 'cannot read ...: ENOENT' on stderr, no output" \
            sh -c "[ $st -eq 1 ] && grep -q 'wordfreq: cannot read .*no-such-file: ENOENT' '$T/wf.err' && ! [ -s '$T/wf.got' ]"
    done
else
    not_ok "wordfreq builds"
    sed 's/^/# /' "$T/wordfreq.err" | head -20
fi

# against_gcc NAME DIR WHAT: DIR/NAME.arc built by arc and DIR/NAME_ref.c
# built by gcc (on glibc) print the same bytes, natively and under qemu.
against_gcc() {
    if gcc -Wall -Wextra -Werror -O2 -o "$T/$1_ref" "$2/$1_ref.c" &&
        "$ARC" build "$2/$1.arc" -o "$T/$1" 2> "$T/$1.err"; then
        "$T/$1_ref" > "$T/$1.want"
        "$T/$1" > "$T/$1.got" 2>&1
        check "$3 (native)" cmp -s "$T/$1.want" "$T/$1.got"
        $QEMU "$T/$1" > "$T/$1.got" 2>&1
        check "$3 (qemu-x86_64)" cmp -s "$T/$1.want" "$T/$1.got"
    else
        not_ok "$2/$1 test programs build"
        sed 's/^/# /' "$T/$1.err" | head -20
    fi
}

# The linux module (uapi_layout/'s tables as Arc constants and errname)
# against the same names from the system headers.
against_gcc abi tests/e2e/linux \
    "linux module: constants, offsets and errno names match the system headers"
# str.format_float/parse_float against the same algorithm on glibc's
# printf and strtod, on 20,000 doubles.
against_gcc floats tests/e2e/str \
    "str: format_float/parse_float round-trip as glibc's printf/strtod"
# Integer constant folding (gen/opt.c fold_const) at every width against
# the same expressions in C; and the folding happened: f1 (int8) keeps no
# integer operation, compare or branch, only the copies and the calls of
# its printfs.
against_gcc const_fold tests/e2e/opt \
    "constant folding: every operation, shift and compare at each width as gcc computes it"
"$ARC" ir tests/e2e/opt/const_fold.arc > "$T/const_fold.ir" 2>&1
sed -n '/^func void \$f1()/,/^}/p' "$T/const_fold.ir" > "$T/const_fold_f1.ir"
check "constant folding: f1's IR keeps no i8 operation, sext or br" \
    sh -c "grep -q 'copy i64 -56' '$T/const_fold_f1.ir' &&
           ! grep -Eq '= (add|sub|mul|sdiv|udiv|srem|urem|and|or|xor|shl|lshr|ashr|neg|not|eq|ne|slt|sle|sgt|sge|ult|ule|ugt|uge) i8|sext|\bbr\b' '$T/const_fold_f1.ir'"
# Scalar replacement (gen/opt.c opt_sroa) against the same program in C,
# and it happened: no alloca left in sum_pairs, struct_local or
# mixed_sum, while escapes (its struct's address goes to bump) keeps one.
against_gcc sroa tests/e2e/opt \
    "scalar replacement: tuples and struct locals as vregs compute what gcc does"
"$ARC" ir tests/e2e/opt/sroa.arc > "$T/sroa.ir" 2>&1
allocas() { sed -n "/^func .*\\\$$1(/,/^}/p" "$T/sroa.ir" | grep -c alloca; }
check "scalar replacement: no alloca in sum_pairs, struct_local, mixed_sum; escapes keeps its own" \
    test "$(allocas sum_pairs)$(allocas struct_local)$(allocas mixed_sum)" = 000 -a "$(allocas escapes)" -ge 1

# Bad programs: exit status 1 and a positioned diagnostic, never a crash.
for src in tests/arc/err/*.arc; do
    [ -f "$src" ] || continue
    name=$(basename "$src" .arc)
    "$ARC" build "$src" -o "$T/bad" 2> "$T/bad.err"
    st=$?
    if [ "$st" -eq 1 ] && grep -q "^$src:[0-9]*:[0-9]*: error: " "$T/bad.err"; then
        ok "err/$name: exit status 1 with file:line:col: error:"
    else
        not_ok "err/$name: exit status $st"
        sed 's/^/# /' "$T/bad.err" | head -10
    fi
done

# A program without main (an empty file, a namespace line alone, functions
# but no main) is one error about the file, not a link error.
printf '' > "$T/empty.arc"
printf 'namespace main\n' > "$T/nsonly.arc"
printf 'namespace main\n\nfunc helper() int32 {\n    return 1\n}\n' > "$T/nomain.arc"
for name in empty nsonly nomain; do
    "$ARC" build "$T/$name.arc" -o "$T/bad" 2> "$T/bad.err"
    st=$?
    if [ "$st" -eq 1 ] && [ "$(cat "$T/bad.err")" = "$T/$name.arc: error: no main function" ]; then
        ok "$name.arc: exit status 1, no main function"
    else
        not_ok "$name.arc: exit status $st"
        sed 's/^/# /' "$T/bad.err" | head -10
    fi
done

# Redeclaring a C-layer function with another result type (printf
# returning *int32, whether the result is used or not) is a diagnostic at
# the declaration, exit status 1, never an internal error.  (The message
# quotes libc.arc's line, so only its start is compared here.)
for use in 'printf("x\\n")' 'let p = printf("x\\n")'; do
    printf 'namespace main\n\nextern c {\n    func printf(*byte, ...) *int32\n}\n\nfunc main() int32 {\n    %s\n    return 0\n}\n' \
        "$use" > "$T/printf_ret.arc"
    "$ARC" build "$T/printf_ret.arc" -o "$T/bad" 2> "$T/bad.err"
    st=$?
    if [ "$st" -eq 1 ] && ! grep -q "internal error" "$T/bad.err" &&
        grep -q "^$T/printf_ret.arc:4:10: error: extern c func printf(\*uint8, ...) \*int32 does not match the C layer's func printf(\*uint8, ...) int32 (stdlib_arc/libc.arc:" "$T/bad.err"; then
        ok "printf redeclared returning *int32 ($use): a diagnostic at the declaration"
    else
        not_ok "printf redeclared returning *int32 ($use): exit status $st"
        sed 's/^/# /' "$T/bad.err" | head -10
    fi
done

# The same source gives the same object bytes.
"$ARC" build --emit=obj tests/arc/basics.arc -o "$T/d1.o" &&
    "$ARC" build --emit=obj tests/arc/basics.arc -o "$T/d2.o"
check "arc build of .arc is deterministic" cmp -s "$T/d1.o" "$T/d2.o"

# Tuple results inlined (gen/opt.c): divmod, two_sum and add2 (whose own
# call went in the round before) no longer called; peek (a load through a
# pointer) and snap (a global's value) are.
"$ARC" ir tests/arc/inline_tuple.arc | awk '/^export func i32 [$]main[(]/,/^}/' > "$T/tup.ir"
tcalls() { grep -c "call :tuple[.0-9]* [$]$1(" "$T/tup.ir"; }
check "inline_tuple.arc: divmod, two_sum, add2 inlined; peek and snap called" \
    sh -c "test $(tcalls divmod)$(tcalls two_sum)$(tcalls add2) = 000 && test $(tcalls peek) = 1 && test $(tcalls snap) = 1"
if ARC_NO_INLINE=1 "$ARC" build tests/arc/inline_tuple.arc -o "$T/tup_off" && "$ARC" build tests/arc/inline_tuple.arc -o "$T/tup_on"; then
    check "inline_tuple.arc: the same output with inlining off" \
        sh -c "'$T/tup_on' > '$T/ton.out' && '$T/tup_off' > '$T/toff.out' && cmp -s '$T/ton.out' '$T/toff.out'"
else
    not_ok "inline_tuple.arc builds with ARC_NO_INLINE=1"
fi

# Conditions as branches (lower.c, cond_br): both()'s a > 0 && b > 0 is
# two compares, each branching on its own: no byte copied or flipped.
"$ARC" ir tests/arc/cond_branch.arc | awk '/^func i32 [$]both[(]/,/^}/' > "$T/both.ir"
check "cond_branch.arc: both() branches on each compare (two sgt, two br, no i8 copy or xor)" \
    sh -c "test \$(grep -c ' sgt ' '$T/both.ir') = 2 && test \$(grep -c '	br ' '$T/both.ir') = 2 &&
           ! grep -q -e 'copy i8' -e 'xor i8' '$T/both.ir'"

# A branch on an inlined constant result (opt.c thread_jumps) is a jump:
# check() copies no i8 constant.
"$ARC" ir tests/arc/const_branch.arc | awk '/^func i32 [$]check[(]/,/^}/' > "$T/cb.ir"
check "const_branch.arc: check() branches on the compare alone (one br, no i8 copy)" \
    sh -c "test \$(grep -c '	br ' '$T/cb.ir') = 1 && ! grep -q 'copy i8' '$T/cb.ir'"

# Inlining (gen/opt.c): which calls inline.arc keeps, and the same output
# with the pass off (ARC_NO_INLINE=1).
"$ARC" ir tests/arc/inline.arc > "$T/inl.ir"
calls() { grep -o "call [a-z0-9]* \\\$$1(" "$T/inl.ir" | wc -l; }
check "inline.arc: clamp, bump, twice, plus1, a and nothing inlined; fib, div and first called" \
    sh -c "test $(calls clamp)$(calls bump)$(calls twice)$(calls plus1)$(calls a)$(calls nothing) = 000000 &&
           test $(calls fib) -gt 0 && test $(calls div) -gt 0 && test $(calls first) -gt 0"
if ARC_NO_INLINE=1 "$ARC" build tests/arc/inline.arc -o "$T/inl_off" && "$ARC" build tests/arc/inline.arc -o "$T/inl_on"; then
    check "inline.arc: the same output with inlining off" \
        sh -c "'$T/inl_on' > '$T/on.out' && '$T/inl_off' > '$T/off.out' && cmp -s '$T/on.out' '$T/off.out'"
else
    not_ok "inline.arc builds with ARC_NO_INLINE=1"
fi

# Tail recursion (gen/opt.c: opt_tailrec): which self calls tailrec.arc
# keeps (fib's first call, mixed's other site and the cases that must
# stay recursive; walk's left call, in its inlined copy), and the same
# output with the pass off.
"$ARC" ir tests/arc/tailrec.arc > "$T/tr.ir"
selfcalls() { sed -n "/^func [a-z0-9]* [$]$1(/,/^}/p" "$T/tr.ir" | grep -c "call [a-z0-9]* [$]$1("; }
othercall() { sed -n "/^func [a-z0-9]* [$]$1(/,/^}/p" "$T/tr.ir" | grep -c "call [a-z0-9]* [$]$2("; }
check "tailrec.arc: sum fact fact32 gcd rot countdown parity spread odds loop; fib mixed walk call once; fsum chain post alt recurse" \
    sh -c "test $(selfcalls sum)$(selfcalls fact)$(selfcalls fact32)$(selfcalls gcd)$(selfcalls rot) = 00000 &&
           test $(selfcalls countdown)$(selfcalls parity)$(selfcalls spread)$(selfcalls odds) = 0000 &&
           test $(selfcalls fib)$(selfcalls mixed)$(selfcalls walk) = 111 &&
           test $(selfcalls fsum)$(selfcalls chain)$(selfcalls post)$(selfcalls alt) = 1111 &&
           test $(othercall is_even is_odd)$(othercall is_odd is_even) = 11"
if ARC_NO_TAILREC=1 "$ARC" build tests/arc/tailrec.arc -o "$T/tr_off" && "$ARC" build tests/arc/tailrec.arc -o "$T/tr_on"; then
    check "tailrec.arc: the same output with the pass off" \
        sh -c "'$T/tr_on' > '$T/tron.out' && '$T/tr_off' > '$T/troff.out' && cmp -s '$T/tron.out' '$T/troff.out'"
else
    not_ok "tailrec.arc builds with ARC_NO_TAILREC=1"
fi

# tailrec_deep.arc runs in 64 KiB of stack because its recursion became
# loops: without the pass it overflows (SIGSEGV: status 139).
if ARC_NO_TAILREC=1 "$ARC" build tests/arc/tailrec_deep.arc -o "$T/trd_off"; then
    ARC_STACK_SIZE=64k "$T/trd_off" > /dev/null 2>&1
    st=$?
    check "tailrec_deep.arc with ARC_NO_TAILREC=1 overflows its 64k stack (status $st)" test "$st" -eq 139
else
    not_ok "tailrec_deep.arc builds with ARC_NO_TAILREC=1"
fi

# Value numbering and dead code (gen/opt.c: opt_cse, opt_dce) happen:
# index() in cse_values.arc sign-extends its index once for its three
# a[i]; dce_div.arc's unread quotient is still computed (it may fault),
# its unread sum and copy are not; n-body's inner loop (advance) extends
# i and j once each and computes its float results in place.
"$ARC" ir tests/arc/cse_values.arc | sed -n '/^func i32 \$index(/,/^}/p' > "$T/cse.ir"
check "cse_values.arc: index() has one sext for its three a[i]" test "$(grep -c ' = sext ' "$T/cse.ir")" -eq 1
"$ARC" ir tests/arc/dce_div.arc | sed -n '/^export func i32 \$main(/,/^}/p' > "$T/dce.ir"
check "dce_div.arc: the unread sdiv kept, the unread add and copy removed" \
    sh -c "grep -q ' = sdiv ' '$T/dce.ir' && ! grep -q ' = add ' '$T/dce.ir' && ! grep -q '%alias' '$T/dce.ir'"
"$ARC" ir tests/arc/cse_branches.arc | sed -n '/^func i32 \$twice(/,/^}/p' > "$T/br.ir"
check "cse_branches.arc: twice() tests c once (the inner tests are decided)" test "$(grep -c '	br ' "$T/br.ir")" -eq 1
"$ARC" build --emit=asm tests/bench/arc/nbody.arc | sed -n '/<advance>:/,/^$/p' > "$T/adv.s"
check "nbody advance: at most 3 movslq and 6 movaps (was 48 and 41), no spill" \
    sh -c "test $(grep -c movslq "$T/adv.s") -le 3 && test $(grep -c movaps "$T/adv.s") -le 6 &&
           test $(grep -c 'mov[a-z]* .*(%rbp)' "$T/adv.s") -eq 0"
