/* Option parsing, errors, JSON, progress and clock helpers of the `reel` tool. */
#include "reel_cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

int cli_svt_log_from_user = 0;

cli_args_t cli_args(int argc, char** argv, int first, const char* command) {
    cli_args_t args;
    memset(&args, 0, sizeof(args));
    args.argc = argc;
    args.argv = argv;
    args.index = first;
    args.command = command;
    return args;
}

int cli_next(cli_args_t* args) {
    static char name[64];
    if (args->index >= args->argc)
        return 0;
    const char* arg = args->argv[args->index++];
    args->inline_value = NULL;
    if (arg[0] != '-' || arg[1] == '\0') {
        exit(cli_usage_error(args->command, "unexpected argument '%s' (options start with --)", arg));
    }
    const char* equals = strchr(arg, '=');
    if (equals != NULL && arg[1] == '-') {
        size_t length = (size_t)(equals - arg);
        if (length >= sizeof(name))
            length = sizeof(name) - 1;
        memcpy(name, arg, length);
        name[length] = '\0';
        args->name = name;
        args->inline_value = equals + 1;
    } else {
        args->name = arg;
    }
    return 1;
}

int cli_is(const cli_args_t* args, const char* long_name, const char* short_name) {
    return strcmp(args->name, long_name) == 0 || (short_name != NULL && strcmp(args->name, short_name) == 0);
}

const char* cli_value(cli_args_t* args) {
    if (args->inline_value != NULL)
        return args->inline_value;
    if (args->index >= args->argc)
        exit(cli_usage_error(args->command, "option %s needs a value", args->name));
    return args->argv[args->index++];
}

static int parse_uint(const char* text, uint64_t* out, const char** end) {
    if (text[0] < '0' || text[0] > '9')
        return 0;
    errno = 0;
    char* stop = NULL;
    unsigned long long value = strtoull(text, &stop, 10);
    if (errno != 0)
        return 0;
    *out = (uint64_t)value;
    *end = stop;
    return 1;
}

uint64_t cli_uint(cli_args_t* args, uint64_t min, uint64_t max) {
    const char* text = cli_value(args);
    uint64_t value = 0;
    const char* end = NULL;
    if (!parse_uint(text, &value, &end) || *end != '\0')
        exit(cli_usage_error(args->command, "%s '%s' is not a number; allowed %llu to %llu", args->name, text,
                             (unsigned long long)min, (unsigned long long)max));
    if (value < min || value > max)
        exit(cli_usage_error(args->command, "%s is %llu; allowed %llu to %llu", args->name, (unsigned long long)value,
                             (unsigned long long)min, (unsigned long long)max));
    return value;
}

uint64_t cli_bitrate(cli_args_t* args, uint64_t min, uint64_t max) {
    const char* text = cli_value(args);
    uint64_t value = 0;
    const char* end = NULL;
    int ok = parse_uint(text, &value, &end);
    uint64_t scale = 1;
    if (ok && (*end == 'k' || *end == 'K'))
        scale = 1000, end++;
    else if (ok && *end == 'M')
        scale = 1000000, end++;
    else if (ok && *end == 'G')
        scale = 1000000000, end++;
    if (!ok || *end != '\0' || value > UINT64_MAX / scale)
        exit(cli_usage_error(args->command, "%s '%s' is not a bit rate; write bits per second, e.g. 2500000, 2500k or 2.5M as 2500k",
                             args->name, text));
    value *= scale;
    if (value < min || value > max)
        exit(cli_usage_error(args->command, "%s is %llu bits per second; allowed %llu to %llu", args->name,
                             (unsigned long long)value, (unsigned long long)min, (unsigned long long)max));
    return value;
}

const cli_keyword_t cli_backends[3] = {
    {"auto", REEL_CODEC_BACKEND_AUTO}, {"software", REEL_CODEC_BACKEND_SOFTWARE}, {"hardware", REEL_CODEC_BACKEND_HARDWARE}};

const cli_keyword_t cli_codecs[4] = {
    {"av1", REEL_VIDEO_CODEC_AV1}, {"h264", REEL_VIDEO_CODEC_H264}, {"hevc", REEL_VIDEO_CODEC_HEVC}, {"vp9", REEL_VIDEO_CODEC_VP9}};

const char* cli_codec_name(reel_video_codec_t codec) {
    switch (codec) {
    case REEL_VIDEO_CODEC_H264: return "H.264";
    case REEL_VIDEO_CODEC_HEVC: return "HEVC";
    case REEL_VIDEO_CODEC_VP9: return "VP9";
    default: return "AV1";
    }
}

const char* cli_backend_name(reel_codec_backend_t backend) {
    return backend == REEL_CODEC_BACKEND_HARDWARE ? "hardware" : "software";
}

int cli_keyword(cli_args_t* args, const cli_keyword_t* keywords, int count) {
    const char* text = cli_value(args);
    for (int i = 0; i < count; i++) {
        if (strcmp(text, keywords[i].name) == 0)
            return keywords[i].value;
    }
    char allowed[256] = "";
    for (int i = 0; i < count; i++) {
        if (i > 0)
            strncat(allowed, ", ", sizeof(allowed) - strlen(allowed) - 1);
        strncat(allowed, keywords[i].name, sizeof(allowed) - strlen(allowed) - 1);
    }
    exit(cli_usage_error(args->command, "%s '%s' is not known; allowed %s", args->name, text, allowed));
}

void cli_rate(cli_args_t* args, uint32_t* num, uint32_t* den) {
    const char* text = cli_value(args);
    uint64_t n = 0, d = 1;
    const char* end = NULL;
    int ok = parse_uint(text, &n, &end);
    if (ok && *end == '/')
        ok = parse_uint(end + 1, &d, &end);
    if (!ok || *end != '\0' || n == 0 || d == 0 || n > 1000000 || d > 1000000)
        exit(cli_usage_error(args->command, "%s '%s' is not a frame rate; write N or N/D with 1 to 1000000 each (30, 30000/1001)",
                             args->name, text));
    *num = (uint32_t)n;
    *den = (uint32_t)d;
}

void cli_size(cli_args_t* args, uint32_t* width, uint32_t* height) {
    const char* text = cli_value(args);
    uint64_t w = 0, h = 0;
    const char* end = NULL;
    int ok = parse_uint(text, &w, &end);
    if (ok && (*end == 'x' || *end == 'X'))
        ok = parse_uint(end + 1, &h, &end);
    else
        ok = 0;
    if (!ok || *end != '\0' || w < 16 || h < 16 || w > 16384 || h > 16384)
        exit(cli_usage_error(args->command, "%s '%s' is not a size; write WxH with 16 to 16384 each (1920x1080)", args->name, text));
    *width = (uint32_t)w;
    *height = (uint32_t)h;
}

int cli_usage_error(const char* command, const char* format, ...) {
    va_list list;
    va_start(list, format);
    fprintf(stderr, "reel %s: ", command);
    vfprintf(stderr, format, list);
    fprintf(stderr, "\ntry 'reel %s --help'\n", command);
    va_end(list);
    return REEL_EXIT_USAGE;
}

int cli_has_no_extension(const char* path) {
    const char* slash = strrchr(path, '/');
    const char* name = slash ? slash + 1 : path;
    return strchr(name, '.') == NULL;
}

int cli_has_extension(const char* path, const char* extension) {
    size_t n = strlen(path), e = strlen(extension);
    if (n < e)
        return 0;
    for (size_t i = 0; i < e; i++) {
        char c = path[n - e + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != extension[i])
            return 0;
    }
    return 1;
}

int cli_fail(const char* command, const char* what, reel_result_t result) {
    fprintf(stderr, "reel %s: %s: %s: %s\n", command, what, reel_result_name(result), reel_last_error_message());
    return REEL_EXIT_FAILED;
}

double cli_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

void cli_sleep_until(double when) {
    struct timespec at;
    at.tv_sec = (time_t)when;
    at.tv_nsec = (long)((when - (double)at.tv_sec) * 1e9);
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, NULL) == EINTR) {
    }
}

int cli_stdout_is_tty(void) {
    return isatty(STDOUT_FILENO);
}

void cli_progress(const char* verb, uint64_t done, uint64_t total, double elapsed) {
    double fps = elapsed > 0 ? (double)done / elapsed : 0;
    if (total > 0) {
        enum { width = 30 };
        char bar[width + 1];
        uint64_t filled = done >= total ? width : done * width / total;
        for (int i = 0; i < width; i++)
            bar[i] = (uint64_t)i < filled ? '#' : '.';
        bar[width] = '\0';
        double eta = fps > 0 && total > done ? (double)(total - done) / fps : 0;
        int minutes = (int)(eta / 60);
        int seconds = (int)eta % 60;
        printf("\r%s [%s] %llu/%llu frames  %6.1f fps  ETA %d:%02d ", verb, bar, (unsigned long long)done,
               (unsigned long long)total, fps, minutes, seconds);
    } else {
        printf("\r%s %llu frames  %6.1f fps ", verb, (unsigned long long)done, fps);
    }
    fflush(stdout);
}

void cli_progress_end(void) {
    printf("\n");
    fflush(stdout);
}

void cli_json_string(FILE* out, const char* s) {
    fputc('"', out);
    for (const unsigned char* p = (const unsigned char*)s; *p != '\0'; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

long cli_peak_rss_kib(void) {
    struct rusage usage;
    return getrusage(RUSAGE_SELF, &usage) == 0 ? usage.ru_maxrss : 0;
}

static void log_to_stderr(void* user_data, reel_log_level_t level, const char* message) {
    (void)user_data;
    fprintf(stderr, "%s: %s\n", level == REEL_LOG_LEVEL_ERROR ? "error" : "warning", message);
}

reel_result_t cli_context(reel_context_t* out, int quiet) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.name = "reel";
    desc.log_callback = log_to_stderr;
    desc.log_level = quiet ? REEL_LOG_LEVEL_ERROR : REEL_LOG_LEVEL_WARNING;
    return reel_context_create(&desc, out);
}
