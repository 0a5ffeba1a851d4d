#!/bin/sh
# tests/fuzz/run_http.sh: the HTTP request parser's fuzzer
# (tests/fuzz/http_fuzz.arc), 1,000,000 inputs per seed; TIME, ITER, SEED
# as in tests/fuzz/seeds.sh.  A broken promise or a crash exits non-zero
# with the input.
set -e
BUILD=${BUILD:-build}
out=$BUILD/fuzz
mkdir -p "$out"
"$BUILD/arc" build tests/fuzz/http_fuzz.arc -o "$out/http_fuzz"
. tests/fuzz/seeds.sh
one_seed() {
    timeout 120 "$out/http_fuzz" 1000000 "$1" > "$out/http_fuzz.out" ||
        { cat "$out/http_fuzz.out"; return 1; }
}
seed_loop "http fuzz (1,000,000 requests a seed)"
