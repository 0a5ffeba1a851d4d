// A module for tests/arc/init.arc: its init runs before the init of the
// module that imports it (initlog), and both before main.
namespace initdep

import "initlog"

var ready: int32 = 0

func init() {
    initlog.note("initdep")
    ready = 1
}
