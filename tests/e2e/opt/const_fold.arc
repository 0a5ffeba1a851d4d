// Integer constant folding (gen/opt.c fold_const): every operation,
// shift and compare at every width on locals that hold constants, so the
// optimiser computes them (tests/e2e/arc.sh also checks that f1 keeps
// no add, mul or compare); the output is compared with
// const_fold_ref.c built by gcc.  Wrapping, signed and unsigned division
// and remainder, shifts, and compares at each width.
namespace main

extern c {
    func printf(*byte, ...) int32
}

func f1() {
    let a: int8 = 100
    let b: int8 = 100
    let s: int8 = 3
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f2() {
    let a: int8 = -128
    let b: int8 = 3
    let s: int8 = 4
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f3() {
    let a: int8 = -7
    let b: int8 = 2
    let s: int8 = 3
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f4() {
    let a: int8 = 127
    let b: int8 = -128
    let s: int8 = 1
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f5() {
    let a: uint8 = 200
    let b: uint8 = 100
    let s: uint8 = 3
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f6() {
    let a: uint8 = 3
    let b: uint8 = 250
    let s: uint8 = 6
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f7() {
    let a: uint8 = 255
    let b: uint8 = 7
    let s: uint8 = 1
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f8() {
    let a: uint8 = 16
    let b: uint8 = 3
    let s: uint8 = 4
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f9() {
    let a: int16 = 30000
    let b: int16 = 30000
    let s: int16 = 6
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f10() {
    let a: int16 = -32768
    let b: int16 = 5
    let s: int16 = 6
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f11() {
    let a: int16 = -9
    let b: int16 = 4
    let s: int16 = 5
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f12() {
    let a: int16 = 1234
    let b: int16 = -3
    let s: int16 = 1
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f13() {
    let a: uint16 = 65535
    let b: uint16 = 2
    let s: uint16 = 3
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f14() {
    let a: uint16 = 3
    let b: uint16 = 65000
    let s: uint16 = 6
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f15() {
    let a: uint16 = 40000
    let b: uint16 = 7
    let s: uint16 = 1
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f16() {
    let a: uint16 = 300
    let b: uint16 = 4
    let s: uint16 = 5
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f17() {
    let a: int32 = 2147483647
    let b: int32 = 1
    let s: int32 = 2
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f18() {
    let a: int32 = -2147483648
    let b: int32 = 7
    let s: int32 = 1
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f19() {
    let a: int32 = -100
    let b: int32 = 7
    let s: int32 = 1
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f20() {
    let a: int32 = 123456789
    let b: int32 = 10
    let s: int32 = 4
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f21() {
    let a: uint32 = 4294967295
    let b: uint32 = 2
    let s: uint32 = 3
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f22() {
    let a: uint32 = 5
    let b: uint32 = 4294967290
    let s: uint32 = 6
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f23() {
    let a: uint32 = 3000000000
    let b: uint32 = 3
    let s: uint32 = 4
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f24() {
    let a: uint32 = 77
    let b: uint32 = 5
    let s: uint32 = 6
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f25() {
    let a: int64 = 9223372036854775807
    let b: int64 = 1
    let s: int64 = 2
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f26() {
    let a: int64 = -9223372036854775807
    let b: int64 = -5
    let s: int64 = 1
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f27() {
    let a: int64 = -1000000007
    let b: int64 = 13
    let s: int64 = 7
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f28() {
    let a: int64 = 1099511627776
    let b: int64 = 3
    let s: int64 = 4
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f29() {
    let a: uint64 = 18446744073709551615
    let b: uint64 = 2
    let s: uint64 = 3
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f30() {
    let a: uint64 = 5
    let b: uint64 = 18446744073709551610
    let s: uint64 = 4
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f31() {
    let a: uint64 = 12345678901234567890
    let b: uint64 = 7
    let s: uint64 = 1
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func f32() {
    let a: uint64 = 9223372036854775808
    let b: uint64 = 63
    let s: uint64 = 1
    printf("%ld ", cast<int64>(a + b))
    printf("%ld ", cast<int64>(a - b))
    printf("%ld ", cast<int64>(a * b))
    printf("%ld ", cast<int64>(a / b))
    printf("%ld ", cast<int64>(a % b))
    printf("%ld ", cast<int64>(a & b))
    printf("%ld ", cast<int64>(a | b))
    printf("%ld ", cast<int64>(a ^ b))
    printf("%ld ", cast<int64>(a << s))
    printf("%ld ", cast<int64>(a >> s))
    printf("%ld ", cast<int64>(-a))
    printf("%ld ", cast<int64>(~a))
    if a == b {
        printf("1")
    } else {
        printf("0")
    }
    if a != b {
        printf("1")
    } else {
        printf("0")
    }
    if a < b {
        printf("1")
    } else {
        printf("0")
    }
    if a <= b {
        printf("1")
    } else {
        printf("0")
    }
    if a > b {
        printf("1")
    } else {
        printf("0")
    }
    if a >= b {
        printf("1")
    } else {
        printf("0")
    }
    printf("\n")
}

func main() int32 {
    f1()
    f2()
    f3()
    f4()
    f5()
    f6()
    f7()
    f8()
    f9()
    f10()
    f11()
    f12()
    f13()
    f14()
    f15()
    f16()
    f17()
    f18()
    f19()
    f20()
    f21()
    f22()
    f23()
    f24()
    f25()
    f26()
    f27()
    f28()
    f29()
    f30()
    f31()
    f32()
    return 0
}
