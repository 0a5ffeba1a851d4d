// The linux module (made by arc from uapi_layout/): tests/e2e/arc.sh
// compares this program's output with abi_ref.c's, built by gcc from the
// installed system headers.
namespace main

import "linux"

extern c {
    func printf(*byte, ...) int32
}

func main() int32 {
    printf("SYS_openat %ld\nSYS_newfstatat %ld\nSYS_getdents64 %ld\nSYS_accept4 %ld\nSYS_exit_group %ld\n",
           linux.SYS_openat, linux.SYS_newfstatat, linux.SYS_getdents64, linux.SYS_accept4, linux.SYS_exit_group)
    printf("EINTR %ld\nO_CLOEXEC %ld\nO_DIRECTORY %ld\nAT_FDCWD %ld\nSOCK_NONBLOCK %ld\n",
           linux.EINTR, linux.O_CLOEXEC, linux.O_DIRECTORY, linux.AT_FDCWD, linux.SOCK_NONBLOCK)
    printf("MSG_NOSIGNAL %ld\nTCGETS %ld\nSO_REUSEADDR %ld\nS_IFDIR %ld\nSIGABRT %ld\n",
           linux.MSG_NOSIGNAL, linux.TCGETS, linux.SO_REUSEADDR, linux.S_IFDIR, linux.SIGABRT)
    printf("sizeof stat %ld\nst_size %ld\nst_mtime_nsec %ld\n",
           linux.SIZEOF_stat, linux.OFF_stat_size, linux.OFF_stat_mtime_nsec)
    printf("sizeof sockaddr_in6 %ld\nsin6_addr %ld\nsizeof sockaddr_un %ld\nsun_path %ld\n",
           linux.SIZEOF_sockaddr_in6, linux.OFF_sockaddr_in6_addr, linux.SIZEOF_sockaddr_un,
           linux.OFF_sockaddr_un_path)
    for let e: int64 = 1; e < 140; e++ {
        let n = linux.errname(-e)
        if n == null {
            n = "-"
        }
        printf("%ld %s\n", e, n)
    }
    return 0
}
