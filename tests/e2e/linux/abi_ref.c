/* abi.arc's twin, from the system headers (glibc and the kernel's UAPI):
 * tests/e2e/arc.sh compares the two outputs.  errno names come from
 * glibc's strerrorname_np ("-" for a number it does not name). */
#define _GNU_SOURCE
#include <asm/unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

int main(void)
{
    printf("SYS_openat %d\nSYS_newfstatat %d\nSYS_getdents64 %d\nSYS_accept4 %d\nSYS_exit_group %d\n",
           __NR_openat, __NR_newfstatat, __NR_getdents64, __NR_accept4, __NR_exit_group);
    printf("EINTR %d\nO_CLOEXEC %d\nO_DIRECTORY %d\nAT_FDCWD %d\nSOCK_NONBLOCK %d\n",
           EINTR, O_CLOEXEC, O_DIRECTORY, AT_FDCWD, SOCK_NONBLOCK);
    printf("MSG_NOSIGNAL %d\nTCGETS %d\nSO_REUSEADDR %d\nS_IFDIR %d\nSIGABRT %d\n",
           MSG_NOSIGNAL, TCGETS, SO_REUSEADDR, S_IFDIR, SIGABRT);
    printf("sizeof stat %zu\nst_size %zu\nst_mtime_nsec %zu\n",
           sizeof(struct stat), offsetof(struct stat, st_size), offsetof(struct stat, st_mtim.tv_nsec));
    printf("sizeof sockaddr_in6 %zu\nsin6_addr %zu\nsizeof sockaddr_un %zu\nsun_path %zu\n",
           sizeof(struct sockaddr_in6), offsetof(struct sockaddr_in6, sin6_addr),
           sizeof(struct sockaddr_un), offsetof(struct sockaddr_un, sun_path));
    for (int e = 1; e < 140; e++) {
        const char *n = strerrorname_np(e);
        printf("%d %s\n", e, n ? n : "-");
    }
    return 0;
}
