// abort() ends the process by SIGABRT (status 134 in a shell) without
// flushing stdio: "lost" stays in the buffer, "kept" was flushed.
namespace main

extern c {
    func printf(*byte, ...) int32
    func fflush(*void) int32
    func abort()
}

func main() int32 {
    printf("kept\n")
    fflush(null)
    printf("lost\n")
    abort()
    printf("after abort\n")
    return 0
}
