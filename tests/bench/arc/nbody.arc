// n-body: tests/bench/c/nbody.c in Arc (the same algorithm and output; N
// steps from the command line).
namespace main

import "os"

extern c {
    func printf(*byte, ...) int32
    func atoi(*byte) int32
}

const PI = 3.141592653589793
const SOLAR_MASS = 4.0 * PI * PI
const DAYS = 365.24

var x: [5]float64 = {}
var y: [5]float64 = {}
var z: [5]float64 = {}
var vx: [5]float64 = {}
var vy: [5]float64 = {}
var vz: [5]float64 = {}
var m: [5]float64 = {}

func body(i: int32, px: float64, py: float64, pz: float64, pvx: float64, pvy: float64, pvz: float64, pm: float64) {
    x[i] = px
    y[i] = py
    z[i] = pz
    vx[i] = pvx * DAYS
    vy[i] = pvy * DAYS
    vz[i] = pvz * DAYS
    m[i] = pm * SOLAR_MASS
}

func energy() float64 {
    let e = 0.0
    for let i: int32 = 0; i < 5; i++ {
        e += 0.5 * m[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i])
        for let j = i + 1; j < 5; j++ {
            let dx = x[i] - x[j]
            let dy = y[i] - y[j]
            let dz = z[i] - z[j]
            e -= m[i] * m[j] / sqrt(dx * dx + dy * dy + dz * dz)
        }
    }
    return e
}

func advance(dt: float64) {
    for let i: int32 = 0; i < 5; i++ {
        for let j = i + 1; j < 5; j++ {
            let dx = x[i] - x[j]
            let dy = y[i] - y[j]
            let dz = z[i] - z[j]
            let d2 = dx * dx + dy * dy + dz * dz
            let mag = dt / (d2 * sqrt(d2))
            vx[i] -= dx * m[j] * mag
            vy[i] -= dy * m[j] * mag
            vz[i] -= dz * m[j] * mag
            vx[j] += dx * m[i] * mag
            vy[j] += dy * m[i] * mag
            vz[j] += dz * m[i] * mag
        }
    }
    for let i: int32 = 0; i < 5; i++ {
        x[i] += dt * vx[i]
        y[i] += dt * vy[i]
        z[i] += dt * vz[i]
    }
}

func main() int32 {
    let n: int32 = 1000
    if os.argc() > 1 {
        n = atoi(os.arg(1))
    }
    body(0, 0, 0, 0, 0, 0, 0, 1)
    body(1, 4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04)
    body(2, 8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04)
    body(3, 1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05)
    body(4, 1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05)
    let px = 0.0
    let py = 0.0
    let pz = 0.0
    for let i: int32 = 0; i < 5; i++ {
        px += vx[i] * m[i]
        py += vy[i] * m[i]
        pz += vz[i] * m[i]
    }
    vx[0] = -px / SOLAR_MASS
    vy[0] = -py / SOLAR_MASS
    vz[0] = -pz / SOLAR_MASS
    printf("%.9f\n", energy())
    for let i: int32 = 0; i < n; i++ {
        advance(0.01)
    }
    printf("%.9f\n", energy())
    return 0
}
