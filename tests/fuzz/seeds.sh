# tests/fuzz/seeds.sh: the seed loop of the fuzzers that run one seed per
# program run (run_json.sh, run_http.sh).  Source it, define
# one_seed SEED (non-zero status: a failure, already reported), then call
# seed_loop NAME: seeds from $SEED (default: the clock) until $TIME
# seconds (default 600) have passed, or $ITER seeds; exits 1 at the first
# failing seed, else prints how many ran.
seed_loop() {
    seed=${SEED:-$(date +%s)}
    end=$(($(date +%s) + ${TIME:-600}))
    n=0
    while :; do
        [ -n "$ITER" ] && [ "$n" -ge "$ITER" ] && break
        [ -z "$ITER" ] && [ "$(date +%s)" -ge "$end" ] && break
        one_seed "$seed" || { echo "$1: failed with seed $seed"; exit 1; }
        n=$((n + 1))
        seed=$((seed + 1))
    done
    echo "$1: $n seeds passed (last seed $((seed - 1)))"
}
