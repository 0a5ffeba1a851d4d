/* common.h: shared by the crash programs.  Each program crashes in a
 * noinline function called from another one, so that the report's pc
 * names the first and the backtrace the second (the link step puts the
 * reporter in every program).
 * Compiled with -fno-omit-frame-pointer (tests/e2e/crash.sh). */
#include "arc_rt.h"

/* noipa: not inlined, not cloned (a clone is named f.constprop.0) */
#define NOINLINE __attribute__((noipa))

/* Called first by each crashing function so that it is not a leaf: gcc
 * 12 sets up no frame in a leaf even with -mno-omit-leaf-frame-pointer,
 * and a frame-pointer walk then skips the leaf's caller. */
NOINLINE void step(void) {}

static void put(const char *s)
{
    unsigned long n = 0;
    while (s[n])
        n++;
    arc_write(1, s, n);
}

/* Run fn directly in main (task 1), or with the argument "task" as a
 * spawned task (task 2) that main awaits.  Compiled with -DMAIN_ONLY
 * (tests/e2e/crash_report.sh), the program never refers to the
 * scheduler: main is all there is.  Unused by the programs that have
 * their own main. */
static long (*volatile crash_fn)(void *);

#ifndef MAIN_ONLY
static long nothing(void *arg) { return (long)arg; }
#endif

__attribute__((unused)) static int run_crash(int argc, char **argv, long (*fn)(void *))
{
    crash_fn = fn;
    put("before the crash\n");
#ifdef MAIN_ONLY
    (void)argc;
    (void)argv;
#else
    if (argc > 1 && argv[1][0] == 't') {
        /* Task 3, spawned last, keeps task 2 from running inline in
         * arc_await (on main's stack): task 2 gets a stack of its own,
         * with a guard page. */
        void *t = arc_spawn(fn, 0);
        void *idle = arc_spawn(nothing, 0);
        long r = arc_await(t);
        return (int)(r + arc_await(idle));
    }
#endif
    return (int)crash_fn(0);
}
