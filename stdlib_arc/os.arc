// os: the process: its arguments, environment, id, and exit.
//   argc() int32                 the number of arguments (program name included)
//   arg(i: int32) string         argument i (0: the program), null past the end
//   env(name: string) string     the value of environment variable name, or null
//   pid() int32                  the process id
//   exit(status: int32)          end the process now, every task with it
namespace os

import "linux"

extern c {
    func arc_argc() int64
    func arc_argv() **byte
    func arc_envp() **byte
    func arc_exit(status: int32)
}

func argc() int32 {
    return cast<int32>(arc_argc())
}

func arg(i: int32) string {
    if i < 0 || i >= argc() {
        return null
    }
    return arc_argv()[i]
}

func env(name: string) string {
    let e = arc_envp()
    if e == null {
        return null
    }
    let n = strlen(name)
    for let i = 0; e[i] != null; i++ {
        let s = e[i]
        if memcmp(s, name, n) == 0 && s[n] == '=' {
            return s + n + 1
        }
    }
    return null
}

func pid() int32 {
    return cast<int32>(syscall(linux.SYS_getpid))
}

func exit(status: int32) {
    arc_exit(status)
}
