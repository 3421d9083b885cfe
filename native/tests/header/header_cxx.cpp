// reel.h compiles alone as C++17 with -Wall -Wextra -Werror -pedantic, inside extern "C",
// without any platform API header.
#include "reel.h"

#if defined(VULKAN_CORE_H_) || defined(VK_VERSION_1_0)
#error "reel.h must stay backend-neutral: it included a Vulkan header"
#endif

#include <type_traits>

static_assert(std::is_trivially_copyable_v<reel_context_desc_t>, "desc structs are plain data");
static_assert(std::is_same_v<decltype(&reel_context_destroy), reel_result_t (*)(reel_context_t)>,
              "functions keep C linkage types");

int reel_header_cxx_check();
int reel_header_cxx_check() { return static_cast<int>(reel_context_desc_default().struct_size); }
