/* The syscall layer returns -errno, passes six arguments (mmap) and the
 * 4-argument rcx->r10 shuffle (openat), and exit_group's status arrives. */
// expect: close(-1) = -9
// expect: openat(missing) = -2
// expect: mmap ok, page written and read back
// expect: syscall(getpid) == getpid()
// expect: envp and argv are contiguous
// status: 0
#include "arc_rt.h"
#include "rt_print.h"

int main(int argc, char **argv, char **envp)
{
    put("close(-1) = ");
    put_long(arc_close(-1));
    put("\nopenat(missing) = ");
    put_long(arc_openat(-100, "/nonexistent/arc", 0, 0));
    put("\n");
    long p = arc_mmap(0, 4096, 3, 0x22, -1, 0); /* PROT_READ|WRITE, MAP_PRIVATE|ANONYMOUS */
    if (p < 0 && p > -4096)
        return 10;
    volatile char *c = (char *)p;
    c[4095] = 42;
    if (c[4095] != 42 || arc_munmap((void *)p, 4096) != 0)
        return 11;
    put("mmap ok, page written and read back\n");
    if (arc_syscall(39 /* getpid */, 0, 0, 0, 0, 0, 0) != arc_getpid())
        return 12;
    put("syscall(getpid) == getpid()\n");
    if (envp != argv + argc + 1)
        return 13;
    put("envp and argv are contiguous\n");
    return 0;
}
