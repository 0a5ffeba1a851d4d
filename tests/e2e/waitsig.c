/* waitsig.c: a host program for the crash suites (tests/e2e/crash*.sh).
 *
 *   waitsig FILE COMMAND [ARG...]
 *
 * runs COMMAND and writes how it ended to FILE: "signal N" if a signal
 * killed it, "exit N" if it exited.  The shell's $? cannot tell the two
 * apart (exit_group(139) and death by SIGSEGV are both 139); its own exit
 * status is the shell's view (128 + N, or N). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: waitsig FILE COMMAND [ARG...]\n", stderr);
        return 125;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("waitsig: fork");
        return 125;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror("waitsig: exec");
        _exit(127);
    }
    int st;
    if (waitpid(pid, &st, 0) < 0) {
        perror("waitsig: waitpid");
        return 125;
    }
    FILE *f = fopen(argv[1], "w");
    if (!f) {
        perror("waitsig: fopen");
        return 125;
    }
    int rc = WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
    fprintf(f, "%s %d\n", WIFSIGNALED(st) ? "signal" : "exit",
            WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
    return fclose(f) == 0 ? rc : 125;
}
