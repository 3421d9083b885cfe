/* reel.h compiles alone as C11 without any platform API header; the 64-bit ABI assumptions
 * hold for this compiler. */
#include "reel.h"

#if defined(VULKAN_CORE_H_) || defined(VK_VERSION_1_0)
#error "reel.h must stay backend-neutral: it included a Vulkan header"
#endif

#include <stddef.h>

_Static_assert(sizeof(reel_context_t) == 8, "handles are 64 bits");
_Static_assert(sizeof(reel_result_t) == 4, "results are 32-bit enums");
_Static_assert(sizeof(reel_log_level_t) == 4, "log levels are 32-bit enums");
_Static_assert(offsetof(reel_context_desc_t, struct_size) == 0, "struct_size comes first");
_Static_assert(sizeof(reel_device_t) == 8 && sizeof(reel_timeline_t) == 8, "section 13 handles are 64 bits");
_Static_assert(sizeof(reel_timeline_desc_t) == 24, "published in 0.1.0 at 24 bytes");

int reel__header_c11_check(void);
int reel__header_c11_check(void) { return (int)REEL_API_VERSION; }
