// Only names starting with a letter are exported (ARC.md 7); a module
// is used only where it is imported.
namespace main

import "../mod/geom"

func main() {
    geom._abs(1)
    let s = geom._SECRET
    geom.nothing()
    let p = geom.Point{x: 1, y: 2}
    let q: io.Writer = p
}
// error: 8:10: '_abs' is private to module 'geom' (its name starts with _)
// error: 9:18: '_SECRET' is private to module 'geom' (its name starts with _)
// error: 10:5: unknown function 'geom.nothing'
// error: 12:12: unknown module 'io' (no import "io" in this file)
