# locals_gen.awk: an Arc program with n locals in one function (main),
# for the compile-speed rows of `make bench`: each local is defined from
# the previous one, and all of them stay live to the end, where they are
# summed.  Prints the program; the exit status it must give (the sum's
# low 7 bits) goes to the file status=FILE.
#
#   awk -v n=20000 -v status=locals.status -f locals_gen.awk > locals.arc
BEGIN {
    print "namespace main\n\nfunc main() int32 {"
    print "    let v0: int32 = 1"
    v = 1; s = 1
    for (i = 1; i < n; i++) {
        printf "    let v%d = v%d + %d\n", i, i - 1, i % 7
        v += i % 7; s += v
    }
    print "    let s: int32 = 0"
    for (i = 0; i < n; i++)
        printf "    s += v%d\n", i
    print "    return s & 127\n}"
    print s % 128 > status
}
