/* Error codes, their classes, the thread-local last-error message, and FFmpeg's log.
 *
 * The message has errno semantics (only failures write it) so successful hot-path calls pay
 * nothing. FFmpeg often explains a failure only in its log ("[libx264] profile baseline
 * does not support ..."), so the shim's log callback keeps the last error/warning line per
 * thread and reelff__fail appends it when it was logged during the failing operation. */
#include "shim_internal.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libavutil/avstring.h>
#include <libavutil/error.h>
#include <libavutil/log.h>

_Static_assert(REELFF_ERROR_AGAIN == AVERROR(EAGAIN), "REELFF_ERROR_AGAIN is AVERROR(EAGAIN)");
_Static_assert(REELFF_ERROR_EOF == AVERROR_EOF, "REELFF_ERROR_EOF is AVERROR_EOF");
_Static_assert(REELFF_NOPTS == AV_NOPTS_VALUE, "REELFF_NOPTS is AV_NOPTS_VALUE");

#define MESSAGE_CAPACITY 1024
#define LOG_LINE_CAPACITY 512

static _Thread_local char t_message[MESSAGE_CAPACITY];
static _Thread_local char t_log_line[LOG_LINE_CAPACITY];

/* The host's log routing. Read on every log line from any thread: one mutex, held only to
 * copy three words (never while the host's callback runs). */
static pthread_mutex_t s_log_lock = PTHREAD_MUTEX_INITIALIZER;
static reelff_log_fn s_log_fn;
static void *s_log_user;
static int s_log_max_level = AV_LOG_ERROR;
static pthread_once_t s_log_once = PTHREAD_ONCE_INIT;

static void log_callback(void *avcl, int level, const char *fmt, va_list vl)
{
    pthread_mutex_lock(&s_log_lock);
    reelff_log_fn fn = s_log_fn;
    void *user = s_log_user;
    int max_level = s_log_max_level;
    pthread_mutex_unlock(&s_log_lock);

    if (level > AV_LOG_WARNING && level > max_level)
        return;

    /* "<component>: <message>" without FFmpeg's "[name @ 0x...]" pointer noise. */
    char line[LOG_LINE_CAPACITY];
    size_t used = 0;
    AVClass *cls = avcl ? *(AVClass **)avcl : NULL;
    if (cls && cls->item_name) {
        const char *name = cls->item_name(avcl);
        if (name && *name)
            used = (size_t)snprintf(line, sizeof line, "%s: ", name);
        if (used >= sizeof line)
            used = sizeof line - 1;
    }
    va_list copy;
    va_copy(copy, vl);
    vsnprintf(line + used, sizeof line - used, fmt, copy);
    va_end(copy);
    size_t length = strlen(line);
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
        line[--length] = '\0';
    if (length == 0)
        return;

    if (level <= AV_LOG_WARNING)
        memcpy(t_log_line, line, length + 1);

    if (level > max_level)
        return;
    if (fn)
        fn(user, level, line);
    else
        av_log_default_callback(avcl, level, fmt, vl);
}

static void install_log_callback(void)
{
    av_log_set_level(AV_LOG_WARNING);
    av_log_set_callback(log_callback);
}

void reelff__ensure_log_callback(void)
{
    pthread_once(&s_log_once, install_log_callback);
}

void reelff__call_begin(void)
{
    reelff__ensure_log_callback();
    t_log_line[0] = '\0';
}

REELFF_API void reelff_set_log_callback(reelff_log_fn fn, void *user, int max_level)
{
    reelff__ensure_log_callback();
    pthread_mutex_lock(&s_log_lock);
    s_log_fn = fn;
    s_log_user = user;
    s_log_max_level = max_level;
    pthread_mutex_unlock(&s_log_lock);
    /* av_log drops lines above its level before calling us: keep warnings for messages. */
    av_log_set_level(max_level > AV_LOG_WARNING ? max_level : AV_LOG_WARNING);
}

int reelff__fail(int err, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vsnprintf(t_message, sizeof t_message, fmt, args);
    va_end(args);
    if (t_log_line[0]) {
        size_t used = strlen(t_message);
        snprintf(t_message + used, sizeof t_message - used, " -- %s", t_log_line);
        t_log_line[0] = '\0';
    }
    return err;
}

int reelff__fail_call(int err, const char *call, const char *subject)
{
    char reason[AV_ERROR_MAX_STRING_SIZE + 64];
    reelff_error_string(err, reason, sizeof reason);
    if (subject && *subject)
        return reelff__fail(err, "%s %s: %s", call, subject, reason);
    return reelff__fail(err, "%s: %s", call, reason);
}

REELFF_API const char *reelff_last_error(void)
{
    return t_message;
}

REELFF_API void reelff_error_string(int err, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    if (err == REELFF_ERROR_BAD_STATE)
        av_strlcpy(buf, "Call in the wrong state", size);
    else if (err == REELFF_ERROR_UNSUPPORTED)
        av_strlcpy(buf, "Not supported by this codec, container or build", size);
    else if (av_strerror(err, buf, size) < 0)
        snprintf(buf, size, "Error number %d", err);
}

static int is_io_errno(int e)
{
    switch (e) {
    case EIO: case ENOSPC: case EFBIG: case EACCES: case EPERM: case ENOENT: case ENOTDIR:
    case EISDIR: case EROFS: case EDQUOT: case EPIPE: case EBADF: case ENXIO: case EMFILE:
    case ENFILE: case ENAMETOOLONG: case ELOOP: case EEXIST: case EXDEV: case ESPIPE:
    case ETXTBSY: case ESTALE: case ENODEV: case ECONNRESET: case ETIMEDOUT:
        return 1;
    default:
        return 0;
    }
}

REELFF_API int reelff_error_kind(int err)
{
    if (err >= 0)
        return REELFF_KIND_NONE;
    if (err == AVERROR(EAGAIN))
        return REELFF_KIND_AGAIN;
    if (err == AVERROR_EOF)
        return REELFF_KIND_END_OF_STREAM;
    if (err == REELFF_ERROR_BAD_STATE)
        return REELFF_KIND_BAD_STATE;
    if (err == REELFF_ERROR_UNSUPPORTED || err == AVERROR_DECODER_NOT_FOUND ||
        err == AVERROR_ENCODER_NOT_FOUND || err == AVERROR_DEMUXER_NOT_FOUND ||
        err == AVERROR_MUXER_NOT_FOUND || err == AVERROR_BSF_NOT_FOUND ||
        err == AVERROR_FILTER_NOT_FOUND || err == AVERROR_PROTOCOL_NOT_FOUND ||
        err == AVERROR_STREAM_NOT_FOUND || err == AVERROR_OPTION_NOT_FOUND ||
        err == AVERROR_PATCHWELCOME || err == AVERROR(ENOSYS) || err == AVERROR(ENOTSUP))
        return REELFF_KIND_UNSUPPORTED;
    if (err == AVERROR_INVALIDDATA)
        return REELFF_KIND_CORRUPT_DATA;
    if (err == AVERROR(ENOMEM))
        return REELFF_KIND_OUT_OF_MEMORY;
    if (err == AVERROR(EINVAL) || err == AVERROR(ERANGE) || err == AVERROR(EDOM))
        return REELFF_KIND_INVALID_ARGUMENT;
    if (err == AVERROR_HTTP_BAD_REQUEST || err == AVERROR_HTTP_UNAUTHORIZED ||
        err == AVERROR_HTTP_FORBIDDEN || err == AVERROR_HTTP_NOT_FOUND ||
        err == AVERROR_HTTP_OTHER_4XX || err == AVERROR_HTTP_SERVER_ERROR)
        return REELFF_KIND_IO;
    if (err > -4096 && is_io_errno(-err))
        return REELFF_KIND_IO;
    return REELFF_KIND_INTERNAL;
}

REELFF_API const char *reelff_error_kind_name(int kind)
{
    switch (kind) {
    case REELFF_KIND_NONE: return "none";
    case REELFF_KIND_AGAIN: return "again";
    case REELFF_KIND_END_OF_STREAM: return "end-of-stream";
    case REELFF_KIND_INVALID_ARGUMENT: return "invalid-argument";
    case REELFF_KIND_UNSUPPORTED: return "unsupported";
    case REELFF_KIND_IO: return "io";
    case REELFF_KIND_CORRUPT_DATA: return "corrupt-data";
    case REELFF_KIND_OUT_OF_MEMORY: return "out-of-memory";
    case REELFF_KIND_BAD_STATE: return "bad-state";
    case REELFF_KIND_INTERNAL: return "internal";
    default: return "unknown";
    }
}
