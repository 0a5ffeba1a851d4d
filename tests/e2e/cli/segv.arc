// Dies by SIGSEGV: arc run's exit status is 128 + 11.
namespace main

func main() int32 {
    let p: *int32 = null
    *p = 1
    return 0
}
