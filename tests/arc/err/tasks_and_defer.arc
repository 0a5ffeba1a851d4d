// await needs a Task; defer needs a call; yield and await are fine in a
// plain function; a process literal returns nothing and sees no locals.
async func work(x: int32) int32 {
    return x
}

func main() {
    let n: int32 = 3
    let v = await n
    defer n + 1
    let t = work(1)
    let r: int64 = await t
    let p = process func() int32 {
        return 1
    }()
    let q = process func() {
        let m = n
    }()
}
// error: 9:13: await needs a task, not int32
// error: 10:13: defer needs a call
// error: 12:20: cannot use int32 as int64 for the initializer (convert with cast<int64>(...))
// error: 13:13: a process func returns nothing
// error: 17:17: undefined name 'n'
