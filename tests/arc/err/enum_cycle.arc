// An enum value that depends on itself, directly or through other
// members (an implicit value counts from the member before it), is an
// error.
enum E {
    A = E.B
    B = E.A
}
enum F {
    X = F.Z
    Y
    Z
    W = W2.Q
}
enum W2 {
    Q = F.W + 1
}
enum G {
    S = G.S
}
// error: 6:10: the value of E.A depends on itself
// error: 9:10: the value of F.X depends on itself
// error: 15:10: the value of F.W depends on itself
// error: 18:10: the value of G.S depends on itself
