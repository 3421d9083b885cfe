/* reel.h compiles alone as C11; the 64-bit ABI assumptions hold for this compiler. */
#include "reel.h"

#include <stddef.h>

_Static_assert(sizeof(reel_context_t) == 8, "handles are 64 bits");
_Static_assert(sizeof(reel_result_t) == 4, "results are 32-bit enums");
_Static_assert(sizeof(reel_log_level_t) == 4, "log levels are 32-bit enums");
_Static_assert(offsetof(reel_context_desc_t, struct_size) == 0, "struct_size comes first");

int reel__header_c11_check(void);
int reel__header_c11_check(void) { return (int)REEL_API_VERSION; }
