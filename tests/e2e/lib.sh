# tests/e2e/lib.sh: helpers for the end-to-end suites (sourced, not run).
# Each suite prints TAP lines; tests/run.sh counts them.
BUILD=${BUILD:-build}
ARC=${ARC:-$BUILD/arc}
QEMU=${QEMU:-qemu-x86_64}
n=0

ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }
# check NAME CMD...: ok if CMD succeeds.
# (Helpers use _-prefixed variables: sh has no locals, and suites use
# plain names like $name in their loops.)
check() {
    _name=$1
    shift
    if "$@"; then ok "$_name"; else not_ok "$_name"; fi
}

# A scratch directory removed when the suite exits.
T=$(mktemp -d "${TMPDIR:-/tmp}/arc-e2e.XXXXXX")
trap 'rm -rf "$T"' EXIT

# The flags a freestanding C program on the runtime is compiled with.
FREESTANDING="-std=c11 -O2 -ffreestanding -nostdlib -fno-pic -fno-stack-protector -fno-asynchronous-unwind-tables -fno-builtin -Wall -Wextra -Werror"

# Lines of a test source that start with "// KEY:" (the prefix removed).
directive() {
    sed -n "s|^// $1: \{0,1\}||p" "$2"
}

# run_expect NAME RUNNER PROG SRC: run PROG (under RUNNER, or natively if
# RUNNER is empty) with the source's "// args:" and "// env:", and compare
# stdout with its "// expect:" lines and the exit status with "// status:"
# (default 0), and that each "// stderr:" glob matches a line of stderr;
# "// timeout: S" bounds the run (default $TEST_TIMEOUT or 120 seconds).
# Prints the difference on failure.
run_expect() {
    _name=$1 _runner=$2 _prog=$3 _src=$4
    _args=$(directive args "$_src")
    _envs=$(directive env "$_src")
    _want=$(directive status "$_src")
    [ -n "$_want" ] || _want=0
    _limit=$(directive timeout "$_src")
    directive expect "$_src" > "$T/want"
    # a hang fails the test instead of stalling the run
    # shellcheck disable=SC2086
    timeout "${_limit:-${TEST_TIMEOUT:-120}}" env $_envs ${RUN_ENV:-} $_runner "$_prog" $_args > "$T/got" 2> "$T/err"
    _st=$?
    _miss=
    directive stderr "$_src" > "$T/want.err"
    while IFS= read -r _line; do
        report_has "$T/err" "$_line" || _miss="$_miss '$_line'"
    done < "$T/want.err"
    if [ "$_st" -eq "$_want" ] && cmp -s "$T/want" "$T/got" && [ -z "$_miss" ]; then
        ok "$_name"
    else
        not_ok "$_name"
        echo "# exit status $_st, expected $_want"
        [ -z "$_miss" ] || echo "# stderr lacks:$_miss"
        diff "$T/want" "$T/got" | sed 's/^/# /' | head -20
        sed 's/^/# stderr: /' "$T/err" | head -20
    fi
}

# run_both NAME PROG SPEC [WORKERS]: run_expect natively and under
# qemu-x86_64; with WORKERS ("1 2"), once per ARC_WORKERS value.
run_both() {
    _rb_name=$1 _rb_prog=$2 _rb_spec=$3
    for _rb_w in ${4:-default}; do
        _rb_label=$_rb_name
        RUN_ENV=
        if [ "$_rb_w" != default ]; then
            _rb_label="$_rb_name, ARC_WORKERS=$_rb_w"
            RUN_ENV=ARC_WORKERS=$_rb_w
        fi
        run_expect "$_rb_label (native)" "" "$_rb_prog" "$_rb_spec"
        run_expect "$_rb_label (qemu-x86_64)" "$QEMU" "$_rb_prog" "$_rb_spec"
    done
    RUN_ENV=
}

# companions DIR "a.c b.c" [CFLAGS]: compile freestanding C companions from
# DIR into $T and print their object paths; prints "not ok" and returns 1
# if one does not compile.
companions() {
    _cp_objs=
    for _cp_c in $2; do
        # shellcheck disable=SC2086
        if ! gcc $FREESTANDING ${3:-} -c "$1/$_cp_c" -o "$T/${_cp_c%.c}.o"; then
            not_ok "gcc $1/$_cp_c"
            return 1
        fi
        _cp_objs="$_cp_objs $T/${_cp_c%.c}.o"
    done
    echo "$_cp_objs"
}

# --- servers (examples.sh, http.sh) ------------------------------------------

# server_start PROG WORKERS RUNNER [FD-LIMIT]: PROG PORT in the background
# (stdout $T/srv.out, stderr $T/srv.err) on a port of its own below the
# kernel's ephemeral range (32768 and up on Linux by default), so that no
# client socket of this or another test can hold it; waits up to 5 s for
# "listening" on its stdout.  Sets _port and _pid.
_seq=0
server_start() {
    _seq=$((_seq + 1))
    _port=$((10000 + ($$ * 8 + _seq * 101) % 22000))
    rm -f "$T/srv.out"
    # shellcheck disable=SC2086
    (
        [ -n "${4:-}" ] && ulimit -n "$4"
        exec env ARC_WORKERS=$2 $3 "$1" $_port > "$T/srv.out" 2> "$T/srv.err"
    ) &
    _pid=$!
    _i=0
    while [ $_i -lt 100 ] && ! grep -q listening "$T/srv.out" 2> /dev/null &&
        kill -0 $_pid 2> /dev/null; do
        sleep 0.05
        _i=$((_i + 1))
    done
}

# server_up PROG WORKERS RUNNER [FD-LIMIT]: server_start, and again on the
# next port (at most 5 times) when some other program holds the port
# (EADDRINUSE on the server's output).
server_up() {
    _try=0
    while :; do
        server_start "$@"
        grep -q listening "$T/srv.out" 2> /dev/null && break
        wait $_pid 2> /dev/null || :
        cat "$T/srv.out" "$T/srv.err" 2> /dev/null | grep -q 'EADDRINUSE' && [ $_try -lt 5 ] || break
        _try=$((_try + 1))
    done
}

# server_ready LABEL PROG WORKERS RUNNER LINE [FD-LIMIT]: server_up, then the server
# must have printed exactly LINE (@PORT@ stands for its port); sets _fd0
# to its /proc/PID/fd count.  Fails (not ok, server killed) otherwise.
server_ready() {
    server_up "$2" "$3" "$4" "${6:-}"
    _line=$(printf '%s' "$5" | sed "s/@PORT@/$_port/")
    if ! grep -qx "$_line" "$T/srv.out"; then
        not_ok "$1: prints '$_line'"
        sed 's/^/# /' "$T/srv.out" "$T/srv.err" | head
        kill $_pid 2> /dev/null
        return 1
    fi
    _fd0=$(ls /proc/$_pid/fd | wc -l)
}

# server_done LABEL: the server is still running and has as many
# descriptors open as server_ready counted; then it is stopped.
server_done() {
    sleep 0.3
    _fd1=$(ls /proc/$_pid/fd | wc -l)
    check "$1: the server is still running" kill -0 $_pid
    check "$1: /proc/PID/fd count back to $_fd0 (now $_fd1)" test "$_fd0" -eq "$_fd1"
    kill $_pid 2> /dev/null
    wait $_pid 2> /dev/null || :
}

# --- the crash suites (crash.sh, crash_report.sh) ---------------------------

# report_has FILE GLOB: a line of FILE matches *GLOB*.
report_has() {
    while IFS= read -r _line; do
        # shellcheck disable=SC2254
        case $_line in *$2*) return 0 ;; esac
    done < "$1"
    return 1
}

# waitsig_build: $T/waitsig, which tells death by a signal from an exit
# with the same shell status (tests/e2e/waitsig.c).
waitsig_build() {
    gcc -O2 -Wall -Wextra -Werror -o "$T/waitsig" tests/e2e/waitsig.c
}

# crash_check NAME MODE PROG SRC RUNNER [ENV...]: run PROG (with the
# argument "task" in MODE task) and check its stdout ("// expect:"), that
# it died by the signal of "// status:" (128 + n), and stderr:
#   MODE main or task  exactly one report, and a line matching each
#                      "// report:" and "// MODE-report:" glob
#   MODE silent        nothing (under qemu, but for qemu's own
#                      "uncaught target signal" line)
crash_check() {
    _name=$1 _mode=$2 _prog=$3 _src=$4 _runner=$5
    shift 5
    _arg=
    [ "$_mode" = task ] && _arg=task
    directive expect "$_src" > "$T/want"
    _want=$(directive status "$_src")
    # shellcheck disable=SC2086
    timeout "${TEST_TIMEOUT:-120}" env "$@" "$T/waitsig" "$T/how" $_runner "$_prog" $_arg \
        > "$T/got" 2> "$T/err"
    _st=$?
    _bad=
    [ "$_st" -eq "$_want" ] || _bad="exit status $_st, expected $_want"
    grep -qx "signal $((_want - 128))" "$T/how" || _bad="$_bad; ended by: $(cat "$T/how")"
    cmp -s "$T/want" "$T/got" || _bad="$_bad; stdout differs"
    grep -v '^qemu: uncaught target signal' "$T/err" > "$T/err.arc"
    if [ "$_mode" = silent ]; then
        [ -s "$T/err.arc" ] && _bad="$_bad; stderr is not empty"
    else
        _n=$(grep -c '^arc: fatal signal' "$T/err.arc")
        [ "$_n" -eq 1 ] || _bad="$_bad; $_n reports"
        { directive report "$_src"; directive "$_mode-report" "$_src"; } > "$T/globs"
        while IFS= read -r _glob; do
            report_has "$T/err.arc" "$_glob" || _bad="$_bad; no line matches '$_glob'"
        done < "$T/globs"
    fi
    if [ -z "$_bad" ]; then
        ok "$_name"
    else
        not_ok "$_name"
        echo "# $_bad"
        sed 's/^/# stderr: /' "$T/err" | head -30
    fi
}
