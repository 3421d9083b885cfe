# Sanitizer options for the hosts of artifacts/native-asan (sourced by build/test.sh; source it
# before running one of those binaries by hand). The libFuzzer harnesses compile the same choices
# in (native/fuzz/fuzz_support.h). docs/RELIABILITY.md explains each option.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export ASAN_OPTIONS="detect_leaks=1:allow_user_segv_handler=1:use_sigaltstack=0:handle_abort=1"
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
