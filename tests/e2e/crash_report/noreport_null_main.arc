// Regression (issue 7): a null read in main, in a program that never
// spawns a task, died by SIGSEGV without a report.
// status: 139
// report: arc: fatal signal SIGSEGV (SEGV_MAPERR) at address 0x0
// report: pc  0x* poke+0x*
// report: task 1 (main) on worker 0
// report: #1 0x* main+0x*
namespace main
func poke(p: *int32) int32 {
    return *p
}
func main() int32 {
    let p: *int32 = null
    return poke(p)
}
