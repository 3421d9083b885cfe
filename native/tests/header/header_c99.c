/* reel.h compiles alone as C99 with -Wall -Wextra -Werror -pedantic, and every exported
 * function has the signature written here (a typed pointer to each one). */
#include "reel.h"

static uint32_t (*const check_version)(void) = reel_version;
static const char* (*const check_version_string)(void) = reel_version_string;
static const char* (*const check_result_name)(reel_result_t) = reel_result_name;
static const char* (*const check_last_error_message)(void) = reel_last_error_message;
static reel_result_t (*const check_context_create)(const reel_context_desc_t*, reel_context_t*) = reel_context_create;
static reel_result_t (*const check_context_destroy)(reel_context_t) = reel_context_destroy;
static reel_result_t (*const check_pool_acquire)(reel_pool_t, reel_buffer_t*) = reel_pool_acquire;
static reel_result_t (*const check_buffer_release)(reel_buffer_t) = reel_buffer_release;

int reel__header_c99_check(void);
int reel__header_c99_check(void) {
    reel_context_desc_t desc = reel_context_desc_default();
    return (check_version != 0) + (check_version_string != 0) + (check_result_name != 0) +
           (check_last_error_message != 0) + (check_context_create != 0) + (check_context_destroy != 0) +
           (check_pool_acquire != 0) + (check_buffer_release != 0) +
           (int)desc.struct_size;
}
