/* test_layout.c: every row of uapi_layout/structs.def and consts.def against
 * the installed UAPI headers (linux-libc-dev), and the serializer.
 *
 * The comparisons are generated from the same X-macro tables, so a new row
 * is checked without touching this file, and a row naming a type, member or
 * macro that the headers lack does not compile.  Constants the headers do
 * not export (NOUAPI rows) are checked by asking the running kernel.
 *
 * Only kernel headers are included, plus what cmocka needs: the userspace
 * <signal.h>, <sys/stat.h>, <sys/socket.h> ... redefine the same structs
 * (struct sigaction is 152 bytes there) and would clash. */
/* <linux/stat.h> hides S_IFMT and friends once a glibc header has defined
 * __GLIBC__ (glibc's <sys/stat.h> has them), so it comes before any. */
#include <linux/stat.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

/* <asm/ucontext.h> uses stack_t, sigset_t and struct sigcontext without
 * including their headers: those come first. */
#include <linux/signal.h>
#include <asm/sigcontext.h>
#include <asm/ucontext.h>
#include <asm/unistd.h>
#include <asm/prctl.h>
#include <linux/prctl.h>
#include <asm/socket.h>
#include <asm/stat.h>
#include <asm/ioctls.h>
#include <asm/termios.h>
#include <linux/auxvec.h>
#include <linux/errno.h>
#include <linux/eventpoll.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/futex.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/mman.h>
#include <linux/poll.h>
#include <linux/random.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/socket.h>
#include <linux/tcp.h>
#include <linux/time.h>
#include <linux/time_types.h>
#include <linux/uio.h>
#include <linux/un.h>
#include <linux/wait.h>

#include "uapi_layout/uapi.h"

/* ---- structs ---------------------------------------------------------- */

/* hdr_<name>: the header's type for each STRUCT row. */
#define STRUCT(name, size, htype) typedef htype hdr_##name;
#define FIELD(name, field, off, size, hmember)
#include "uapi_layout/structs.def"
#undef STRUCT
#undef FIELD

#define MSIZE(type, member) sizeof(((type *)0)->member)

static int mismatch(const char *row, long long ours, long long hdr)
{
    if (ours == hdr)
        return 0;
    print_error("%s: ours %lld, header %lld\n", row, ours, hdr);
    return 1;
}

static void test_struct_sizes(void **state)
{
    (void)state;
    int bad = 0, n = 0;
#define STRUCT(name, size, htype)                                              \
    n++;                                                                       \
    bad += mismatch("sizeof " #name " (" #htype ")", USIZE(name), sizeof(hdr_##name));
#define FIELD(name, field, off, size, hmember)
#include "uapi_layout/structs.def"
#undef STRUCT
#undef FIELD
    print_message("%d structs checked\n", n);
    assert_int_equal(n, uapi_nstructs);
    assert_int_equal(bad, 0);
}

static void test_fields(void **state)
{
    (void)state;
    int bad = 0, n = 0;
#define STRUCT(name, size, htype)
#define FIELD(name, field, off, size, hmember)                                 \
    n++;                                                                       \
    bad += mismatch("offset " #name "." #field " (" #hmember ")", UOFF(name, field), \
                    offsetof(hdr_##name, hmember));                           \
    bad += mismatch("size " #name "." #field " (" #hmember ")", UFSIZE(name, field), \
                    MSIZE(hdr_##name, hmember));
#include "uapi_layout/structs.def"
#undef STRUCT
#undef FIELD
    print_message("%d fields checked\n", n);
    assert_int_equal(bad, 0);
}

/* The run-time arrays hold the same rows as the enums; a FIELD row placed
 * under the wrong STRUCT row shows up here. */
static void test_struct_arrays(void **state)
{
    (void)state;
    int nfields = 0;
    for (int i = 0; i < uapi_nstructs; i++)
        nfields += uapi_structs[i].nfields;
    int n = 0;
#define STRUCT(name, size_, htype)                                              \
    assert_non_null(uapi_struct(#name));                                       \
    assert_int_equal(uapi_struct(#name)->size, USIZE(name));
#define FIELD(name, field, off_, size_, hmember)                                 \
    do {                                                                       \
        const UapiField *f = uapi_field(uapi_struct(#name), #field);          \
        if (!f)                                                                \
            print_error("field %s.%s is not under its STRUCT row\n", #name, #field); \
        assert_non_null(f);                                                    \
        assert_int_equal(f->off, UOFF(name, field));                           \
        assert_int_equal(f->size, UFSIZE(name, field));                        \
        n++;                                                                   \
    } while (0);
#include "uapi_layout/structs.def"
#undef STRUCT
#undef FIELD
    assert_int_equal(nfields, n);
    assert_null(uapi_struct("no_such_struct"));
}

/* ---- constants -------------------------------------------------------- */

static void test_consts(void **state)
{
    (void)state;
    int bad = 0, n = 0, i = 0;
#define SYS(name, nr)                                                          \
    n++;                                                                       \
    bad += mismatch("SYS_" #name " (__NR_" #name ")", SYS_##name, __NR_##name); \
    bad += mismatch("uapi_consts[] SYS_" #name, uapi_consts[i++].value, SYS_##name);
#define CONST(group, name, v_)                                                  \
    n++;                                                                       \
    bad += mismatch("K_" #name " (" #group ")", K_##name, (int64_t)(name));   \
    bad += mismatch("uapi_consts[] K_" #name, uapi_consts[i++].value, K_##name);
#define NOUAPI(group, name, v_, why_)                                          \
    bad += mismatch("uapi_consts[] K_" #name, uapi_consts[i++].value, K_##name);
#include "uapi_layout/consts.def"
#undef SYS
#undef CONST
#undef NOUAPI
    print_message("%d constants checked against the headers\n", n);
    assert_int_equal(i, uapi_nconsts);
    assert_int_equal(bad, 0);
}

/* ---- constants the headers lack: ask the kernel ----------------------- */

static long sys(long nr, long a, long b, long c, long d, long e)
{
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    long ret;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
                     : "rcx", "r11", "memory");
    return ret;
}

static int getopt_int(long fd, long level, long opt)
{
    int v = -1;
    int len = sizeof v;
    long r = sys(SYS_getsockopt, fd, level, opt, (long)&v, (long)&len);
    assert_int_equal(r, 0);
    return v;
}

/* Families, types, SOCK_NONBLOCK/CLOEXEC and SOL_TCP: create a socket with
 * our values and read back what the kernel made. */
static void check_socket(long family, long type, long proto)
{
    long fd = sys(SYS_socket, family, type | K_SOCK_NONBLOCK | K_SOCK_CLOEXEC, 0, 0, 0);
    if (family == K_AF_INET6 && fd == -EAFNOSUPPORT) {
        print_message("AF_INET6 not supported here; skipped\n");
        return;
    }
    if (fd < 0)
        print_error("socket(%ld, %ld): %ld\n", family, type, fd);
    assert_true(fd >= 0);
    assert_int_equal(getopt_int(fd, SOL_SOCKET, SO_DOMAIN), family);
    assert_int_equal(getopt_int(fd, SOL_SOCKET, SO_TYPE), type);
    assert_int_equal(getopt_int(fd, SOL_SOCKET, SO_PROTOCOL), proto);
    assert_true(sys(SYS_fcntl, fd, F_GETFL, 0, 0, 0) & O_NONBLOCK);
    assert_true(sys(SYS_fcntl, fd, F_GETFD, 0, 0, 0) & FD_CLOEXEC);
    if (proto == IPPROTO_TCP) {
        int one = 1;
        assert_int_equal(sys(SYS_setsockopt, fd, K_SOL_TCP, TCP_NODELAY, (long)&one, sizeof one), 0);
        assert_int_equal(getopt_int(fd, IPPROTO_TCP, TCP_NODELAY), 1);
    }
    assert_int_equal(sys(SYS_close, fd, 0, 0, 0, 0), 0);
}

static void test_nouapi_sockets(void **state)
{
    (void)state;
    check_socket(K_AF_UNIX, K_SOCK_STREAM, 0);
    check_socket(K_AF_UNIX, K_SOCK_DGRAM, 0);
    check_socket(K_AF_INET, K_SOCK_STREAM, IPPROTO_TCP);
    check_socket(K_AF_INET, K_SOCK_DGRAM, IPPROTO_UDP);
    check_socket(K_AF_INET6, K_SOCK_STREAM, IPPROTO_TCP);
    assert_int_equal(sys(SYS_socket, K_AF_UNSPEC, K_SOCK_STREAM, 0, 0, 0), -EAFNOSUPPORT);
}

static double now(void)
{
    struct __kernel_timespec ts;
    assert_int_equal(sys(SYS_clock_gettime, CLOCK_MONOTONIC, (long)&ts, 0, 0, 0), 0);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* MSG_* and SHUT_* on a socketpair.  A receive timeout keeps a wrong
 * MSG_DONTWAIT from hanging the test; the clock tells the two apart. */
static void test_nouapi_msg_shut(void **state)
{
    (void)state;
    int sp[2];
    char c = 0;
    assert_int_equal(sys(SYS_socketpair, K_AF_UNIX, K_SOCK_STREAM, 0, (long)sp, 0), 0);
    struct __kernel_old_timeval tv = { 1, 0 };
    assert_int_equal(sys(SYS_setsockopt, sp[1], SOL_SOCKET, SO_RCVTIMEO, (long)&tv, sizeof tv), 0);

    double t0 = now();
    assert_int_equal(sys(SYS_recvfrom, sp[1], (long)&c, 1, K_MSG_DONTWAIT, 0), -EAGAIN);
    assert_true(now() - t0 < 0.5);

    assert_int_equal(sys(SYS_sendto, sp[0], (long)"ab", 2, 0, 0), 2);
    assert_int_equal(sys(SYS_recvfrom, sp[1], (long)&c, 1, K_MSG_PEEK, 0), 1);
    assert_int_equal(c, 'a');
    assert_int_equal(sys(SYS_recvfrom, sp[1], (long)&c, 1, 0, 0), 1);
    assert_int_equal(c, 'a');

    /* SHUT_RD: reads see EOF, writes still go through. */
    assert_int_equal(sys(SYS_shutdown, sp[1], K_SHUT_RD, 0, 0, 0), 0);
    assert_int_equal(sys(SYS_sendto, sp[1], (long)"x", 1, K_MSG_NOSIGNAL, 0), 1);
    /* SHUT_WR: the peer reads EOF after the data. */
    assert_int_equal(sys(SYS_shutdown, sp[0], K_SHUT_WR, 0, 0, 0), 0);
    assert_int_equal(sys(SYS_recvfrom, sp[0], (long)&c, 1, 0, 0), 1);
    assert_int_equal(c, 'x');
    /* SHUT_RDWR, then MSG_NOSIGNAL: EPIPE instead of a SIGPIPE that would
     * kill this test. */
    assert_int_equal(sys(SYS_shutdown, sp[0], K_SHUT_RDWR, 0, 0, 0), 0);
    assert_int_equal(sys(SYS_sendto, sp[0], (long)"y", 1, K_MSG_NOSIGNAL, 0), -EPIPE);
    assert_int_equal(sys(SYS_recvfrom, sp[0], (long)&c, 1, 0, 0), 0);
    sys(SYS_close, sp[0], 0, 0, 0, 0);
    sys(SYS_close, sp[1], 0, 0, 0, 0);
}

/* EFD_NONBLOCK/EFD_CLOEXEC: an eventfd made with ours is non-blocking
 * (a read of a zero counter fails with EAGAIN) and close-on-exec. */
static void test_nouapi_eventfd(void **state)
{
    (void)state;
    uint64_t v = 0;
    long fd = sys(SYS_eventfd2, 0, K_EFD_NONBLOCK | K_EFD_CLOEXEC, 0, 0, 0);
    assert_true(fd >= 0);
    assert_true(sys(SYS_fcntl, fd, F_GETFL, 0, 0, 0) & O_NONBLOCK);
    assert_true(sys(SYS_fcntl, fd, F_GETFD, 0, 0, 0) & FD_CLOEXEC);
    assert_int_equal(sys(SYS_read, fd, (long)&v, 8, 0, 0), -EAGAIN);
    v = 3;
    assert_int_equal(sys(SYS_write, fd, (long)&v, 8, 0, 0), 8);
    assert_int_equal(sys(SYS_read, fd, (long)&v, 8, 0, 0), 8);
    assert_int_equal(v, 3);
    sys(SYS_close, fd, 0, 0, 0, 0);
}

/* linux_dirent64: list a fresh directory holding one file with getdents64
 * and walk the records by K_DIRENT64_RECLEN and K_DIRENT64_NAME: the
 * lengths add up to what the call returned, and the names are ".", ".."
 * and the file's. */
static void test_nouapi_dirent64(void **state)
{
    (void)state;
    char dir[64], file[80];
    snprintf(dir, sizeof dir, "/tmp/arc-dirent-%ld", sys(SYS_getpid, 0, 0, 0, 0, 0));
    snprintf(file, sizeof file, "%s/entry-name", dir);
    assert_int_equal(sys(SYS_mkdirat, AT_FDCWD, (long)dir, 0700, 0, 0), 0);
    long fd = sys(SYS_openat, AT_FDCWD, (long)file, O_CREAT | O_WRONLY, 0600, 0);
    assert_true(fd >= 0);
    sys(SYS_close, fd, 0, 0, 0, 0);
    fd = sys(SYS_openat, AT_FDCWD, (long)dir, O_RDONLY | O_DIRECTORY, 0, 0);
    assert_true(fd >= 0);
    _Alignas(8) unsigned char buf[4096];
    long n = sys(SYS_getdents64, fd, (long)buf, sizeof buf, 0, 0);
    sys(SYS_close, fd, 0, 0, 0, 0);
    sys(SYS_unlinkat, AT_FDCWD, (long)file, 0, 0, 0);
    sys(SYS_unlinkat, AT_FDCWD, (long)dir, AT_REMOVEDIR, 0, 0);
    assert_true(n > 0);
    int seen = 0, names = 0;
    for (long pos = 0; pos < n;) {
        unsigned reclen = buf[pos + K_DIRENT64_RECLEN] | buf[pos + K_DIRENT64_RECLEN + 1] << 8;
        assert_true(reclen > K_DIRENT64_NAME && pos + reclen <= n);
        const char *name = (const char *)buf + pos + K_DIRENT64_NAME;
        names++;
        seen += !strcmp(name, "entry-name");
        assert_true(!strcmp(name, ".") || !strcmp(name, "..") || !strcmp(name, "entry-name"));
        pos += reclen;
    }
    assert_int_equal(names, 3);
    assert_int_equal(seen, 1);
}

/* Every NOUAPI row must be covered by the tests above. */
static void test_nouapi_listed(void **state)
{
    (void)state;
    int n = 0;
    for (int i = 0; i < uapi_nconsts; i++)
        if (uapi_consts[i].why) {
            print_message("not in UAPI headers: %s = %lld (%s)\n", uapi_consts[i].name,
                          (long long)uapi_consts[i].value, uapi_consts[i].why);
            n++;
        }
    static const int64_t checked[] = {
        K_AF_UNSPEC, K_AF_UNIX, K_AF_INET, K_AF_INET6, K_SOCK_STREAM, K_SOCK_DGRAM,
        K_SOCK_NONBLOCK, K_SOCK_CLOEXEC, K_SOL_TCP, K_MSG_PEEK, K_MSG_DONTWAIT,
        K_MSG_NOSIGNAL, K_SHUT_RD, K_SHUT_WR, K_SHUT_RDWR, K_EFD_CLOEXEC, K_EFD_NONBLOCK,
        K_DIRENT64_RECLEN, K_DIRENT64_NAME,
    };
    assert_int_equal(n, (int)(sizeof checked / sizeof checked[0]));
}

/* ---- serializer and lookups ------------------------------------------- */

static void assert_bytes_equal(const void *a, const void *b, size_t n)
{
    const uint8_t *x = a, *y = b;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != y[i])
            print_error("byte %zu: ours %#x, header struct %#x\n", i, x[i], y[i]);
        assert_int_equal(x[i], y[i]);
    }
}

static void test_uput_sigaction(void **state)
{
    (void)state;
    uint8_t buf[USIZE(sigaction)] = { 0 };
    UPUT(buf, sigaction, handler, 0x1122334455667788u);
    UPUT(buf, sigaction, flags, K_SA_SIGINFO | K_SA_ONSTACK | K_SA_RESTORER | K_SA_RESTART);
    UPUT(buf, sigaction, restorer, 0x0000700000001000u);
    UPUT(buf, sigaction, mask, ~(uint64_t)0 ^ (1u << (K_SIGSEGV - 1)));

    struct sigaction sa = { 0 };
    sa.sa_handler = (__sighandler_t)(uintptr_t)0x1122334455667788u;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTORER | SA_RESTART;
    sa.sa_restorer = (__sigrestore_t)(uintptr_t)0x0000700000001000u;
    sa.sa_mask = ~0ul ^ (1ul << (SIGSEGV - 1));
    assert_int_equal(sizeof sa, sizeof buf);
    assert_bytes_equal(buf, &sa, sizeof buf);
    assert_int_equal(UGET(buf, sigaction, flags), sa.sa_flags);
}

static void test_uput_small_fields(void **state)
{
    (void)state;
    uint8_t buf[USIZE(epoll_event)] = { 0 };
    UPUT(buf, epoll_event, events, K_EPOLLIN | K_EPOLLET);
    UPUT(buf, epoll_event, data, 0x0102030405060708u);
    struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data = 0x0102030405060708u };
    assert_bytes_equal(buf, &ev, sizeof buf);

    uint8_t pb[USIZE(pollfd)] = { 0 };
    UPUT(pb, pollfd, fd, -1);
    UPUT(pb, pollfd, events, K_POLLIN | K_POLLOUT);
    struct pollfd p = { .fd = -1, .events = POLLIN | POLLOUT };
    assert_bytes_equal(pb, &p, sizeof pb);

    /* Reading what the kernel would write: si_code at 8, si_addr at 16, and
     * a field named like the errno macro. */
    siginfo_t si = { 0 };
    si.si_signo = SIGSEGV;
    si.si_errno = 7;
    si.si_code = SEGV_ACCERR;
    si.si_addr = (void *)(uintptr_t)0xdeadbeef000u;
    const uint8_t *sb = (const uint8_t *)&si;
    assert_int_equal(UGET(sb, siginfo, signo), K_SIGSEGV);
    assert_int_equal(UGET(sb, siginfo, errno), 7);
    assert_int_equal(UGET(sb, siginfo, code), K_SEGV_ACCERR);
    assert_int_equal(UGET(sb, siginfo, addr), 0xdeadbeef000u);
}

static void test_lookups(void **state)
{
    (void)state;
    assert_string_equal(uapi_errno_name(2), "ENOENT");
    assert_string_equal(uapi_errno_name(-11), "EAGAIN");
    assert_string_equal(uapi_errno_name(133), "EHWPOISON");
    assert_null(uapi_errno_name(41));
    assert_string_equal(uapi_signal_name(11), "SIGSEGV");
    assert_string_equal(uapi_signal_name(6), "SIGABRT");
    assert_null(uapi_signal_name(0));
    assert_string_equal(uapi_const_name("segv_code", 2), "SEGV_ACCERR");
    assert_string_equal(uapi_const_name("syscall", 231), "exit_group");
    /* Every errno from 1 to 133 has a name, except the two unused ones. */
    for (int e = 1; e <= 133; e++)
        if (e != 41 && e != 58)
            assert_non_null(uapi_errno_name(e));
}

static void test_print(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(uapi_print(f), 0);
    rewind(f);
    char line[256];
    int saw_struct = 0, saw_field = 0, saw_const = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned a, b;
        if (sscanf(line, "sigaction %u", &a) == 1 && a == 32)
            saw_struct = 1;
        if (sscanf(line, " mask %u %u", &a, &b) == 2 && a == 24 && b == 8)
            saw_field = 1;
        if (sscanf(line, " SA_SIGINFO %u", &a) == 1 && a == 4)
            saw_const = 1;
    }
    fclose(f);
    assert_true(saw_struct);
    assert_true(saw_field);
    assert_true(saw_const);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_struct_sizes),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_struct_arrays),
        cmocka_unit_test(test_consts),
        cmocka_unit_test(test_nouapi_sockets),
        cmocka_unit_test(test_nouapi_msg_shut),
        cmocka_unit_test(test_nouapi_eventfd),
        cmocka_unit_test(test_nouapi_dirent64),
        cmocka_unit_test(test_nouapi_listed),
        cmocka_unit_test(test_uput_sigaction),
        cmocka_unit_test(test_uput_small_fields),
        cmocka_unit_test(test_lookups),
        cmocka_unit_test(test_print),
    };
    return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
