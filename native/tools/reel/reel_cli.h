/* Shared pieces of the `reel` tool: option parsing, errors and exit codes, JSON output,
 * the progress bar and the clock. Written against reel.h only. */
#ifndef REEL_CLI_H
#define REEL_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "reel.h"

/** Exit codes: 0 success, 1 the work failed (a Reel error, a bad file), 2 bad usage. */
enum { REEL_EXIT_OK = 0, REEL_EXIT_FAILED = 1, REEL_EXIT_USAGE = 2 };

/** Walks argv of one command: "--name value", "--name=value", "-x value" and bare flags. */
typedef struct cli_args_t {
    int argc;
    char** argv;
    int index;             /* next argv entry to look at */
    const char* command;   /* "encode", ... for messages */
    const char* name;      /* the option just read, as written ("--rc") */
    const char* inline_value; /* the part after '=' in "--rc=cbr", or NULL */
} cli_args_t;

/** One name=value pair of a keyword option (e.g. --rc crf). */
typedef struct cli_keyword_t {
    const char* name;
    int value;
} cli_keyword_t;

/** Elements of a fixed-size array. */
#define CLI_COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/** --backend auto|software|hardware (encode and decode). */
extern const cli_keyword_t cli_backends[3];

/** --codec av1|h264|hevc|vp9 (encode and decode). */
extern const cli_keyword_t cli_codecs[4];

/** "AV1", "H.264", "HEVC" or "VP9". */
const char* cli_codec_name(reel_video_codec_t codec);

/** "hardware" or "software": the backend a session reports. */
const char* cli_backend_name(reel_codec_backend_t backend);

/** Whether the user set SVT_LOG (the tool then leaves it alone). */
extern int cli_svt_log_from_user;

/** Starts walking argv[first..argc). */
cli_args_t cli_args(int argc, char** argv, int first, const char* command);

/** Reads the next option into args->name; 0 at the end. A positional argument is an error (exit 2). */
int cli_next(cli_args_t* args);

/** Whether the current option is long_name or short_name (short_name may be NULL). */
int cli_is(const cli_args_t* args, const char* long_name, const char* short_name);

/** The current option's value (inline or the next argument); exits 2 when it is missing. */
const char* cli_value(cli_args_t* args);

/** The value as an unsigned integer in [min, max]; exits 2 with the range otherwise. */
uint64_t cli_uint(cli_args_t* args, uint64_t min, uint64_t max);

/** A bit rate: digits with an optional k, M or G suffix (x1000); exits 2 when malformed or outside [min, max]. */
uint64_t cli_bitrate(cli_args_t* args, uint64_t min, uint64_t max);

/** One of the keywords; exits 2 listing them otherwise. */
int cli_keyword(cli_args_t* args, const cli_keyword_t* keywords, int count);

/** "N" or "N/D" frame rate; exits 2 when malformed. */
void cli_rate(cli_args_t* args, uint32_t* num, uint32_t* den);

/** "WxH"; exits 2 when malformed or outside 16..16384. */
void cli_size(cli_args_t* args, uint32_t* width, uint32_t* height);

/** Prints "reel <command>: <message>" and "try reel <command> --help" to stderr; returns 2. */
int cli_usage_error(const char* command, const char* format, ...);

/** Prints "reel <command>: <what>: <RESULT_NAME>: <last error message>" to stderr; returns 1. */
int cli_fail(const char* command, const char* what, reel_result_t result);

/* Whether path ends in extension (lower-case, with its dot), ignoring case. */
int cli_has_extension(const char* path, const char* extension);

/* Nonzero when the last component of path has no '.' (/dev/full, /dev/stdout, a named pipe):
 * `reel encode` writes IVF there, as it did before containers came. */
int cli_has_no_extension(const char* path);

/** Seconds on a monotonic clock. */
double cli_now(void);

/** Sleeps until cli_now() reaches when (returns at once if it has). */
void cli_sleep_until(double when);

/** Whether stdout is a terminal (the progress bar is drawn only then). */
int cli_stdout_is_tty(void);

/** Draws "[####....] 120/600 frames  48.2 fps  ETA 0:09" on one line (total 0: no bar, no ETA). */
void cli_progress(const char* verb, uint64_t done, uint64_t total, double elapsed);

/** Ends the progress line. */
void cli_progress_end(void);

/** Writes s as a JSON string literal (quoted, escaped). */
void cli_json_string(FILE* out, const char* s);

/** Peak resident set size of this process in KiB (getrusage), 0 if unknown. */
long cli_peak_rss_kib(void);

/** A context with a log callback that prints warnings and errors to stderr (quiet: errors only). */
reel_result_t cli_context(reel_context_t* out, int quiet);

/** Commands. */
int reel_encode_main(int argc, char** argv);
int reel_decode_main(int argc, char** argv);
int reel_probe_main(int argc, char** argv);
int reel_soak_main(int argc, char** argv);

/** Help texts. */
void reel_encode_help(FILE* out);
void reel_decode_help(FILE* out);
void reel_probe_help(FILE* out);
void reel_soak_help(FILE* out);

/** Fills an I420 frame with the moving test pattern for frame index t. */
void reel_pattern_fill(const reel_frame_info_t* frame, uint64_t t);

#endif /* REEL_CLI_H */
