# arc: the factory for tiny static Linux x86-64 executables.
#   make              build build/arc (CC=clang works too; BUILD=dir to keep both)
#   make test         every test: unit (cmocka), layout, end-to-end natively and
#                     under qemu-x86_64; ends with "N passed, N failed"
#   make asan         every test, with arc and the unit tests built under
#                     -fsanitize=address,undefined
#   make bench        benchmarks against musl-linked C equivalents
#   make fuzz         long fuzzing runs of the IR reader and the Arc front end
BUILD  ?= build
CFLAGS ?= -O2 -g
WARN    = -std=c11 -Wall -Wextra -Werror
ALL_CFLAGS = $(WARN) $(CFLAGS) $(SAN) -I. -I$(BUILD)/gen -MMD -MP

# The sources, by part, in pipeline order.  A new file is added here (the
# fuzzers' scripts take their lists from these too: make print-FUZZ_*).
IR_SRC    = gen/util.c gen/ir.c gen/ir_read.c gen/ir_print.c gen/ir_verify.c gen/rtlower.c gen/opt.c
FRONT_SRC = gen/front/lex.c gen/front/parse.c gen/front/check.c gen/front/types.c gen/front/lower.c \
            gen/front/front.c
X64_SRC   = gen/x64/webs.c gen/x64/addr.c gen/x64/live.c gen/x64/ralloc.c gen/x64/operand.c \
            gen/x64/abi.c gen/x64/isel.c gen/x64/depth.c gen/x64/emit.c
RT_SRC    = gen/rt/rt.c gen/rt/start.c gen/rt/exit.c gen/rt/syscall.c gen/rt/sched.c gen/rt/config.c \
            gen/rt/poll.c gen/rt/lock.c gen/rt/signal.c gen/rt/mem.c gen/rt/stack.c
SRC    := gen/main.c gen/build.c gen/enc.c $(IR_SRC) $(FRONT_SRC) $(X64_SRC) $(RT_SRC) \
          uapi_layout/uapi.c image/elf.c image/runtime.c linker/functab.c linker/link.c
FUZZ_IR_SRC    = $(IR_SRC) $(X64_SRC) gen/enc.c image/elf.c gen/rt/rt.c uapi_layout/uapi.c
FUZZ_FRONT_SRC = $(FRONT_SRC) $(FUZZ_IR_SRC)
OBJ    := $(SRC:%.c=$(BUILD)/obj/%.o)
LIBOBJ := $(filter-out $(BUILD)/obj/gen/main.o,$(OBJ))
UNIT   := $(sort $(wildcard tests/unit/test_*.c))
UNITBIN:= $(UNIT:tests/unit/%.c=$(BUILD)/tests/%)

all: $(BUILD)/arc

$(BUILD)/arc: $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJ)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The linker script travels inside the arc binary as a C string.
$(BUILD)/gen/arc_ld.inc: linker/arc.ld
	@mkdir -p $(dir $@)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< > $@
$(BUILD)/obj/linker/link.o: $(BUILD)/gen/arc_ld.inc

# So does the standard library: {"name", "text"} per stdlib_arc/*.arc.
STDLIB := $(sort $(wildcard stdlib_arc/*.arc))
$(BUILD)/gen/stdlib.inc: $(STDLIB)
	@mkdir -p $(dir $@)
	for f in $(STDLIB); do echo "{\"$$(basename $$f .arc)\","; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $$f; echo "},"; done > $@
$(BUILD)/obj/gen/front/front.o: $(BUILD)/gen/stdlib.inc

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBOBJ) -lcmocka

test: $(BUILD)/arc $(UNITBIN)
	BUILD=$(BUILD) tests/run.sh

asan:
	$(MAKE) BUILD=build/asan SAN="-fsanitize=address,undefined -fno-omit-frame-pointer" test

bench: $(BUILD)/arc
	BUILD=$(BUILD) tests/bench/run.sh

# the echo server under 10,000 concurrent connections (tests/e2e/examples.sh)
bench-echo: $(BUILD)/arc
	ECHO_CONNS=10000 ECHO_MSGS=100 BUILD=$(BUILD) sh tests/e2e/examples.sh

# TIME=s per fuzzer (default 600), or ITER=n; SEED=n repeats a run
fuzz: $(BUILD)/arc
	BUILD=$(BUILD) sh tests/fuzz/run.sh
	BUILD=$(BUILD) sh tests/fuzz/run_front.sh
	BUILD=$(BUILD) sh tests/fuzz/run_json.sh
	BUILD=$(BUILD) sh tests/fuzz/run_http.sh

clean:
	rm -rf $(BUILD)

print-%:
	@echo $($*)

.PHONY: all test asan bench bench-echo fuzz clean
.SECONDARY:
-include $(OBJ:.o=.d) $(UNITBIN:=.d)

# The main job in one command: build arc, generate the runtime, link a
# freestanding C program onto it (with the crash reporter, and without:
# hello-tiny), compile the Arc example of ARC.md (structs,
# methods, enums, tuples, switch, defer, printf from the Arc standard
# library, fork-join fib with async/await) onto it, run both and show their
# sizes.
EXAMPLE_CFLAGS = -std=c11 -O2 -ffreestanding -nostdlib -fno-pic -fno-stack-protector \
                 -fno-asynchronous-unwind-tables -fno-builtin
example: $(BUILD)/arc
	$(BUILD)/arc header -o $(BUILD)/arc_rt.h
	$(CC) $(EXAMPLE_CFLAGS) -I$(BUILD) -c tests/e2e/c/hello.c -o $(BUILD)/hello.o
	$(BUILD)/arc link -s -o $(BUILD)/hello $(BUILD)/hello.o
	$(BUILD)/arc link -s --no-crash-report -o $(BUILD)/hello-tiny $(BUILD)/hello.o
	$(BUILD)/hello tiny static binary; echo "exit status $$?"
	@ls -l $(BUILD)/hello $(BUILD)/hello-tiny
	$(BUILD)/arc build tests/arc/example.arc -o $(BUILD)/example
	strip $(BUILD)/example
	ARC_WORKERS=2 $(BUILD)/example
	@ls -l $(BUILD)/example
.PHONY: example
