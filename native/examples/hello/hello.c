/* reel-hello: the smallest Reel host. Prints the library version, creates a context with a
 * log callback, destroys it, and shows what a bad call reports. build/demo.sh runs it. */
#include <stdio.h>

#include "reel.h"

static const char* level_name(reel_log_level_t level) {
    switch (level) {
    case REEL_LOG_LEVEL_ERROR: return "error";
    case REEL_LOG_LEVEL_WARNING: return "warning";
    case REEL_LOG_LEVEL_INFO: return "info";
    case REEL_LOG_LEVEL_DEBUG: return "debug";
    default: return "trace";
    }
}

static void print_log(void* user_data, reel_log_level_t level, const char* message) {
    (void)user_data;
    printf("  [%s] %s\n", level_name(level), message);
}

int main(void) {
    uint32_t version = reel_version();
    printf("libreel %s (header %d.%d.%d)\n", reel_version_string(), REEL_VERSION_MAJOR,
           REEL_VERSION_MINOR, REEL_VERSION_PATCH);
    if (REEL_VERSION_GET_MAJOR(version) != REEL_VERSION_MAJOR) {
        fprintf(stderr, "reel-hello: header and library majors differ\n");
        return 1;
    }

    reel_context_desc_t desc = reel_context_desc_default();
    desc.name = "hello";
    desc.log_callback = print_log;
    desc.log_level = REEL_LOG_LEVEL_INFO;

    reel_context_t context;
    reel_result_t result = reel_context_create(&desc, &context);
    if (result != REEL_SUCCESS) {
        fprintf(stderr, "reel_context_create: %s: %s\n", reel_result_name(result), reel_last_error_message());
        return 1;
    }
    printf("context %p created\n", (void*)context);

    result = reel_context_destroy(context);
    printf("context destroyed: %s\n", reel_result_name(result));

    /* A stale handle is an error with a message, never a crash. */
    result = reel_context_destroy(context);
    printf("destroying it again: %s\n  %s\n", reel_result_name(result), reel_last_error_message());
    return result == REEL_ERROR_INVALID_HANDLE ? 0 : 1;
}
