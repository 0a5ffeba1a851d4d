/* startup: time start-up to exit of small programs.
 *   startup BLOCKS RUNS label=path...
 * For each of BLOCKS blocks, runs the programs one after the other, RUNS
 * times over (vfork, execve with an empty environment, waitpid), timing
 * each run, and prints "startup_<label>_us <median µs per run in the
 * block>" for each: interleaved run by run, the programs share the
 * machine's noise, the order rotates so none is always first, and the
 * median drops the runs a busy machine preempted.  A run that does not
 * exit 0 is a failure. */
#include "musl_bench.h"
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void run(const char *path)
{
    char *argv[] = {(char *)path, 0}, *envp[] = {0};
    pid_t pid = vfork();
    if (pid == 0) {
        execve(path, argv, envp);
        _exit(127);
    }
    int status;
    die_if(pid < 0, "vfork");
    die_if(waitpid(pid, &status, 0) != pid, "waitpid");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "startup: %s did not exit 0 (status %#x)\n", path, status);
        exit(1);
    }
}

enum { MAX_PROGS = 8 };

static int by_value(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int blocks = argc > 3 ? atoi(argv[1]) : 0, runs = argc > 3 ? atoi(argv[2]) : 0;
    int progs = argc - 3;
    if (blocks < 1 || runs < 1 || progs > MAX_PROGS) {
        fprintf(stderr, "usage: startup BLOCKS RUNS label=path... (up to %d)\n", MAX_PROGS);
        return 2;
    }
    char *path[MAX_PROGS];
    for (int p = 0; p < progs; p++) {
        path[p] = strchr(argv[3 + p], '=');
        die_if(!path[p], "label=path");
        path[p]++;
    }
    long *ns = malloc(sizeof *ns * MAX_PROGS * runs);
    die_if(!ns, "malloc");
    for (int b = 0; b < blocks; b++) {
        for (int i = 0; i < runs; i++)
            for (int k = 0; k < progs; k++) {
                int p = (i + k) % progs;
                long t0 = now_ns();
                run(path[p]);
                ns[p * runs + i] = now_ns() - t0;
            }
        for (int p = 0; p < progs; p++) {
            qsort(ns + p * runs, runs, sizeof *ns, by_value);
            printf("startup_%.*s_us %.3f\n", (int)(path[p] - 1 - argv[3 + p]), argv[3 + p],
                   ns[p * runs + runs / 2] / 1000.0);
        }
    }
    return 0;
}
