// No implicit promotion: mixing int32 and int64 needs a cast.
func f(a: int32, b: int64) int64 {
    let c = a + b
    let d: int64 = a
    return b * a
}
// error: 3:15: mismatched types int32 and int64 for '+' (convert one side with cast<int32>(...))
// error: 4:20: cannot use int32 as int64 for the initializer (convert with cast<int64>(...))
// error: 5:14: mismatched types int64 and int32 for '*' (convert one side with cast<int64>(...))
