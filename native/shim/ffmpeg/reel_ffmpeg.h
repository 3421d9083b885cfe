/*
 * reel_ffmpeg.h -- libreel_ffmpeg.so (SONAME libreel_ffmpeg.so.0): Reel's thin C shim over
 * FFmpeg's libavformat, libavcodec, libavutil and libswresample.
 *
 * Why a shim. FFmpeg's structs (AVStream, AVCodecParameters, AVPacket, AVFrame, ...) change
 * layout between majors and are documented as "sizeof is not part of the ABI". Reel's C#
 * backend (src/Backends/Reel.Backend.FFmpeg) therefore never touches them: this library is
 * compiled by CMake against the installed FFmpeg headers and offers only opaque handles,
 * scalars, pointers to buffers, C strings and callbacks. No struct crosses this header, so
 * the C# side needs no struct mirror. Reel loads it lazily (NativeLibrary.TryLoad); when it
 * or FFmpeg is missing, the FFmpeg backend reports itself unavailable and IVF keeps working.
 *
 * Contents
 *   1. Conventions        errors, threading, ownership, timestamps
 *   2. Version            reelff_abi_version(), reelff_versions()
 *   3. Errors and logs    reelff_last_error(), reelff_error_kind(), reelff_set_log_callback()
 *   4. Enumerations       codecs, media types, sample and pixel formats
 *   5. Muxer              MP4/MOV (fragmented while recording, faststart at the end), WebM, MKV
 *   6. Audio encoder      Opus (libopus) and AAC (native) from interleaved PCM
 *   7. Demuxer            any container libavformat reads; packets, seeking, the index
 *   8. Audio decoder      packets to interleaved PCM; the PCM reader (a file to PCM)
 *   9. Video decoder      H.264, HEVC, VP9, AV1 into host-allocated frames (zero copy)
 *  10. Video encoder      libx264, libx265 and the hardware wrappers, on host buffers
 *  11. Hardware probe     VA-API, CUDA, Quick Sync, Vulkan: usable or the reason why not
 *
 * Quick start (mux one AV1 stream and Opus audio into a crash-safe MP4)
 * @code{.c}
 *   reelff_muxer *mux;
 *   if (reelff_muxer_create("out.mp4", NULL, &mux) < 0) { puts(reelff_last_error()); return; }
 *   int v, a;
 *   reelff_muxer_add_video_stream(mux, REELFF_CODEC_AV1, 1920, 1080, 1, 30, 30, 1,
 *                                 NULL, 0, &v);       // av1C is taken from the first keyframe
 *   reelff_audio_encoder *enc;
 *   reelff_audio_encoder_create(REELFF_CODEC_OPUS, REELFF_SAMPLE_S16, 48000, 2, 0, &enc);
 *   int rate, frame_size, padding, tb_num, tb_den;
 *   reelff_audio_encoder_info(enc, &rate, &frame_size, &padding, &tb_num, &tb_den);
 *   const uint8_t *head; int head_size;
 *   reelff_audio_encoder_extradata(enc, &head, &head_size);          // OpusHead
 *   reelff_muxer_add_audio_stream(mux, REELFF_CODEC_OPUS, rate, 2, tb_num, tb_den,
 *                                 head, head_size, padding, frame_size, &a);
 *   reelff_muxer_begin(mux);
 *   // per video packet:  reelff_muxer_write_packet(mux, v, data, size, pts, dts, 1, flags);
 *   // per audio chunk:   reelff_audio_encoder_send(enc, pcm, frames); then drain
 *   //                    reelff_audio_encoder_receive(...) into reelff_muxer_write_packet(mux, a, ...)
 *   reelff_audio_encoder_flush(enc);  // drain the last packets, then
 *   reelff_muxer_end(mux);            // trailer, then the faststart rewrite
 *   reelff_muxer_destroy(mux);
 *   reelff_audio_encoder_destroy(enc);
 * @endcode
 *
 * ---------------------------------------------------------------------------------------
 * 1. Conventions
 *
 * Names.    Functions are reelff_<object>_<verb>; opaque types are reelff_<object>; macros and
 *           enum values are REELFF_*.
 * Results.  Every function that can fail returns int: 0 on success or a negative error code,
 *           which is an FFmpeg AVERROR (AVERROR(ENOSPC), AVERROR_INVALIDDATA, ...) or one of
 *           the shim's own codes (REELFF_ERROR_BAD_STATE, REELFF_ERROR_UNSUPPORTED).
 *           reelff_error_kind() sorts any code into the classes Reel maps to its results:
 *           I/O (REEL_ERROR_IO), invalid argument, unsupported, corrupt data, out of memory,
 *           bad state, again (back-pressure), end of stream, internal.
 * Messages. After a failure, reelff_last_error() on the same thread says what failed and why,
 *           naming the argument and its limit or the FFmpeg call, the path and the OS reason:
 *           "avio_open /x/y.mp4: No space left on device". Only failures write it.
 * Outputs.  Output pointers come last. On failure they are left unchanged unless said.
 * Handles.  Objects are opaque pointers created by *_create / *_open and freed by *_destroy,
 *           which accepts NULL. Passing a NULL handle elsewhere returns AVERROR(EINVAL).
 * Threads.  No object is internally synchronized: one thread at a time per object (the host
 *           serialises calls on the same object; Reel does with its call gates). Different
 *           objects may be used concurrently from different threads. Global functions
 *           (versions, errors, probes, reelff_container_for_path) are safe from any thread.
 *           Callbacks state the thread that runs them.
 * Time.     Timestamps are int64 counts of a time base the caller gives (num/den seconds per
 *           tick); REELFF_NOPTS (INT64_MIN) means "none". The shim never rounds a timestamp
 *           it does not have to: a container that picks its own time base gets every packet
 *           rescaled once, from the caller's time base, at the moment it is written.
 * Memory.   Buffers returned through const pointers stay owned by the object and valid until
 *           the call documented with them (usually the next call of the same function).
 */
#ifndef REEL_FFMPEG_H
#define REEL_FFMPEG_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define REELFF_API __attribute__((visibility("default")))
#else
#define REELFF_API
#endif

/* -------------------------------------------------------------------------------------
 * 2. Version
 */

/** The ABI version of this header. The C# backend refuses a library whose
 *  reelff_abi_version() differs: any change of a signature, an enum value or a documented
 *  behaviour the binding relies on bumps it. */
#define REELFF_ABI_VERSION 1

/** @return REELFF_ABI_VERSION as this library was built. Thread-safe, never fails. */
REELFF_API uint32_t reelff_abi_version(void);

/** Versions of the FFmpeg libraries this process runs (not the headers the shim was built
 *  against; those must have the same majors or the dynamic loader refuses the shim).
 *  Each version is packed as FFmpeg's AV_VERSION_INT: major << 16 | minor << 8 | micro
 *  (lavf 59.27.100 is 0x3B1B64).
 *  @param avformat, avcodec, avutil, swresample  receive the versions; each may be NULL.
 *  @param license  receives avformat_license(), a static string such as "GPL version 2 or
 *                  later" (Debian configures FFmpeg with --enable-gpl); may be NULL.
 *  Thread-safe, never fails. */
REELFF_API void reelff_versions(uint32_t *avformat, uint32_t *avcodec, uint32_t *avutil,
                                uint32_t *swresample, const char **license);

/* -------------------------------------------------------------------------------------
 * 3. Errors and logs
 */

/** The shim's own error codes, in FFmpeg's FFERRTAG style (negative, no clash with errno). */
#define REELFF_MKTAG_(a, b, c, d) ((a) | ((b) << 8) | ((c) << 16) | ((unsigned)(d) << 24))
/** A call came in the wrong state: write before begin, send after flush, ... */
#define REELFF_ERROR_BAD_STATE (-(int)REELFF_MKTAG_('R', 'F', 'B', 'S'))
/** A setting, format or codec this build or this codec cannot honour; the message names it. */
#define REELFF_ERROR_UNSUPPORTED (-(int)REELFF_MKTAG_('R', 'F', 'U', 'N'))
/** Back-pressure: AVERROR(EAGAIN) on Linux. Receive output (or send input), then retry. */
#define REELFF_ERROR_AGAIN (-11)
/** End of stream: AVERROR_EOF. */
#define REELFF_ERROR_EOF (-(int)REELFF_MKTAG_('E', 'O', 'F', ' '))

/** Classes of error codes (see reelff_error_kind). */
typedef enum reelff_error_kind_t {
    REELFF_KIND_NONE = 0,             /**< 0: success */
    REELFF_KIND_AGAIN = 1,            /**< REELFF_ERROR_AGAIN: not now, receive/send first */
    REELFF_KIND_END_OF_STREAM = 2,    /**< REELFF_ERROR_EOF */
    REELFF_KIND_INVALID_ARGUMENT = 3, /**< EINVAL, ERANGE, unknown option */
    REELFF_KIND_UNSUPPORTED = 4,      /**< no such codec/muxer/demuxer in this build, a setting
                                           the codec cannot honour, no hardware device */
    REELFF_KIND_IO = 5,               /**< the file system or the OS refused a read/write:
                                           EIO, ENOSPC, EFBIG, EACCES, ENOENT, EROFS, ... */
    REELFF_KIND_CORRUPT_DATA = 6,     /**< AVERROR_INVALIDDATA: the bitstream or file is bad */
    REELFF_KIND_OUT_OF_MEMORY = 7,    /**< ENOMEM */
    REELFF_KIND_BAD_STATE = 8,        /**< REELFF_ERROR_BAD_STATE */
    REELFF_KIND_INTERNAL = 9          /**< anything else (AVERROR_BUG, AVERROR_EXTERNAL, ...) */
} reelff_error_kind_t;

/** @return the reelff_error_kind_t of err (0, a negative AVERROR or a REELFF_ERROR_*).
 *  Thread-safe, never fails. */
REELFF_API int reelff_error_kind(int err);

/** @return a static name for a reelff_error_kind_t ("io", "unsupported", ...; "unknown"
 *  for values outside the enum). Thread-safe. */
REELFF_API const char *reelff_error_kind_name(int kind);

/** Describes err like av_strerror, including the shim's codes.
 *  @param buf   receives a NUL-terminated text, truncated to size bytes; not NULL.
 *  @param size  bytes at buf, at least 1.
 *  Thread-safe. */
REELFF_API void reelff_error_string(int err, char *buf, size_t size);

/** The last failure on the calling thread: what failed and why, e.g.
 *  "av_interleaved_write_frame /tmp/a.mp4: No space left on device" or
 *  "sample_rate is 7000; allowed 8000 to 192000". Only failing calls write it (errno
 *  semantics). When FFmpeg logged an error or warning on this thread during the failing
 *  call, its last such line is appended after " -- " ("... -- libx264: ...").
 *  @return a thread-local NUL-terminated string owned by the shim, valid until the next
 *  failing call on this thread; "" when nothing failed yet. Never NULL. */
REELFF_API const char *reelff_last_error(void);

/** FFmpeg log levels (AV_LOG_*), for reelff_set_log_callback. */
#define REELFF_LOG_QUIET (-8)
#define REELFF_LOG_ERROR 16
#define REELFF_LOG_WARNING 24
#define REELFF_LOG_INFO 32
#define REELFF_LOG_VERBOSE 40
#define REELFF_LOG_DEBUG 48

/** Receives one formatted FFmpeg log line ("libx264: using cpu capabilities ..."; no
 *  trailing newline). Runs on the thread that logged, which may be a codec worker thread,
 *  and possibly on several threads at once: it must be thread-safe and must not call back
 *  into the shim. */
typedef void (*reelff_log_fn)(void *user, int level, const char *line);

/** Routes FFmpeg's log (process-wide: av_log_set_callback) to fn. Lines of level <= max_level
 *  go to fn; errors and warnings are also kept per thread for reelff_last_error() whatever
 *  max_level says. With fn NULL (the default), lines of level <= max_level go to stderr as
 *  FFmpeg prints them; the default max_level before any call is REELFF_LOG_ERROR.
 *  @param user  passed to fn unchanged; not owned.
 *  Thread-safe; takes effect for lines logged after it returns. */
REELFF_API void reelff_set_log_callback(reelff_log_fn fn, void *user, int max_level);

/* -------------------------------------------------------------------------------------
 * 4. Enumerations
 */

/** "No timestamp" (AV_NOPTS_VALUE). */
#define REELFF_NOPTS INT64_MIN

/** Codecs. Values are the shim's own and stable; FFmpeg's AVCodecID never crosses. */
typedef enum reelff_codec_t {
    REELFF_CODEC_OTHER = 0, /**< a codec the shim has no name for (see *_codec_name getters) */
    REELFF_CODEC_AV1 = 1,
    REELFF_CODEC_H264 = 2,
    REELFF_CODEC_HEVC = 3,
    REELFF_CODEC_VP9 = 4,
    REELFF_CODEC_OPUS = 5,
    REELFF_CODEC_AAC = 6,
    REELFF_CODEC_PCM = 7,   /**< any uncompressed PCM (WAV's pcm_s16le, pcm_f32le, ...) */
    REELFF_CODEC_VP8 = 8,
    REELFF_CODEC_VORBIS = 9,
    REELFF_CODEC_FLAC = 10,
    REELFF_CODEC_MP3 = 11
} reelff_codec_t;

/** Stream media types. */
typedef enum reelff_media_type_t {
    REELFF_MEDIA_OTHER = 0,
    REELFF_MEDIA_VIDEO = 1,
    REELFF_MEDIA_AUDIO = 2,
    REELFF_MEDIA_SUBTITLE = 3,
    REELFF_MEDIA_DATA = 4
} reelff_media_type_t;

/** Interleaved PCM sample formats (host byte order). */
typedef enum reelff_sample_format_t {
    REELFF_SAMPLE_S16 = 1, /**< int16 */
    REELFF_SAMPLE_S32 = 2, /**< int32 (Godot's mix buffer) */
    REELFF_SAMPLE_F32 = 3  /**< float, nominal range -1..1 */
} reelff_sample_format_t;

/** Pixel formats of decoded frames and encoder input. Names follow reel.h. */
typedef enum reelff_pixel_format_t {
    REELFF_PIXEL_OTHER = 0, /**< anything else (see reelff_video_decoder_pixel_format_name) */
    REELFF_PIXEL_I420 = 1,  /**< yuv420p: Y, U, V planes, 8 bit */
    REELFF_PIXEL_NV12 = 2,  /**< Y plane, interleaved UV plane, 8 bit */
    REELFF_PIXEL_I010 = 3,  /**< yuv420p10le: three planes of 16-bit words, 10 bits used (low) */
    REELFF_PIXEL_P010 = 4,  /**< p010le: Y and interleaved UV, 16-bit words, 10 bits used (high) */
    REELFF_PIXEL_I422 = 5,  /**< yuv422p */
    REELFF_PIXEL_I444 = 6,  /**< yuv444p */
    REELFF_PIXEL_GRAY8 = 7  /**< one 8-bit plane */
} reelff_pixel_format_t;

/** Packet flags (reelff_muxer_write_packet, *_receive, reelff_demuxer_read_packet). */
#define REELFF_PACKET_KEYFRAME 0x1 /**< a random access point */
#define REELFF_PACKET_CORRUPT 0x2  /**< the demuxer marked the packet corrupt */
#define REELFF_PACKET_DISCARD 0x4  /**< decode but do not show (e.g. Opus pre-skip) */

/* -------------------------------------------------------------------------------------
 * 5. Muxer
 *
 * Writes MP4, MOV, WebM and Matroska through libavformat. IVF is not offered: Reel writes
 * IVF itself. Life cycle: create -> add streams -> [set options] -> begin -> write packets
 * (any order across streams; libavformat interleaves them by timestamp) -> end -> destroy.
 *
 * Crash safety while recording. Every packet is handed to the OS when libavformat writes it
 * (flush_packets), and:
 *   - MP4/MOV are written fragmented (movflags frag_keyframe+delay_moov+default_base_moof,
 *     plus a fragment at least every REELFF_MUX_FLUSH_INTERVAL_MS): a process killed mid-
 *     recording leaves a file that plays up to its last complete fragment. (delay_moov, not
 *     empty_moov: the moov goes out with the first fragment, when the first timestamps are
 *     known, so an edit list carries the audio priming; with empty_moov libavformat shifts
 *     every stream instead, moving video by the Opus pre-skip.) At a normal end
 *     the fragmented file is rewritten moov-first (faststart) into "<path>.reelff-tmp",
 *     fsync'ed and renamed over <path> atomically; at every moment one complete file exists
 *     at <path>. REELFF_MUX_FASTSTART 0 keeps the fragmented file (which every player and
 *     browser reads) and saves the rewrite.
 *   - WebM/Matroska close a cluster at least every REELFF_MUX_FLUSH_INTERVAL_MS (and at
 *     video keyframes): a killed process leaves a file readable up to its last complete
 *     cluster. end writes the Cues (the seek index) and the durations.
 *
 * Codecs per container (libavformat 59): MP4 takes AV1, H.264, HEVC, VP9, Opus and AAC;
 * MOV takes H.264, HEVC and AAC only (its movenc writes AV1, VP9 and Opus only in MP4);
 * WebM takes AV1, VP9 and Opus; Matroska takes them all.
 *
 * Timestamps. Video keeps the caller's timestamps exactly in every container. An audio
 * stream's encoder delay (initial_padding: negative first pts) is an edit list in MP4/MOV and
 * the CodecDelay of Opus in Matroska/WebM (the shim adds it to the block times, as RFC 9559
 * says; libavformat 59 writes the element but not the offset). AAC in Matroska has no such
 * element: libavformat then shifts every stream by the priming (1024 samples) so that no
 * timestamp is negative; audio and video stay in sync, both starting 21 ms late.
 *
 * Extradata. Video streams whose extradata is not given (NULL) get it from their first
 * keyframe (FFmpeg's extract_extradata filter: the AV1 sequence header OBU for av1C /
 * CodecPrivate, H.264/HEVC parameter sets); the header is then written when every such
 * stream has its first packet, and packets that arrive earlier are held until then.
 * H.264/HEVC extradata and packets may be Annex B (start codes) or avcC/hvcC: libavformat
 * converts Annex B to the length-prefixed form MP4 and Matroska store.
 */

/** An MP4/MOV/WebM/Matroska file being written. */
typedef struct reelff_muxer reelff_muxer;

/** Which container a path's extension selects.
 *  @param path  a file name; only its extension is looked at (case-insensitive): .mp4 and
 *               .m4v -> "mp4", .mov -> "mov", .webm -> "webm", .mkv -> "matroska".
 *  @param container  receives a static string (the libavformat muxer name); not NULL.
 *  @return 0; REELFF_ERROR_UNSUPPORTED for another extension (".ivf" says that Reel writes
 *          IVF itself) or when this FFmpeg build lacks the muxer; AVERROR(EINVAL) for NULL.
 *  Thread-safe. */
REELFF_API int reelff_container_for_path(const char *path, const char **container);

/** Creates a muxer for path. Nothing is written before reelff_muxer_begin.
 *  @param path       the file to write; copied. It is created or truncated at begin.
 *  @param container  "mp4", "mov", "webm" or "matroska" (also "mkv"), or NULL to pick from
 *                    path's extension (reelff_container_for_path).
 *  @param out        receives the muxer; the caller owns it (reelff_muxer_destroy).
 *  @return 0; AVERROR(EINVAL) for NULL arguments; REELFF_ERROR_UNSUPPORTED for an unknown
 *          container or extension; AVERROR(ENOMEM). */
REELFF_API int reelff_muxer_create(const char *path, const char *container, reelff_muxer **out);

/** Muxer options (reelff_muxer_set_option), set before begin. */
typedef enum reelff_muxer_option_t {
    /** MP4/MOV only: 1 (default) rewrites the file moov-first at end; 0 keeps the
     *  fragmented file. Matroska/WebM accept only 0. */
    REELFF_MUX_FASTSTART = 1,
    /** Longest stretch of the recording a crash may lose, in ms: the MP4 fragment duration
     *  and the Matroska cluster time limit. Default 1000; 0 = only at video keyframes (MP4)
     *  or libavformat's default (Matroska: 5 s / 5 MiB); allowed 0 to 60000. */
    REELFF_MUX_FLUSH_INTERVAL_MS = 2,
    /** 1 (default): hand every written packet to the OS at once (avio_flush); 0 lets
     *  libavformat buffer up to 32 KiB. */
    REELFF_MUX_FLUSH_PACKETS = 3
} reelff_muxer_option_t;

/** Sets a reelff_muxer_option_t.
 *  @return 0; AVERROR(EINVAL) for an unknown option or a value out of its range (the message
 *          names both); REELFF_ERROR_BAD_STATE after begin. */
REELFF_API int reelff_muxer_set_option(reelff_muxer *muxer, int option, int64_t value);

/** Adds a video stream.
 *  @param codec      REELFF_CODEC_AV1, _H264, _HEVC or _VP9 (MOV: H.264 and HEVC only).
 *  @param width, height  coded picture size, 1 to 65535.
 *  @param time_base_num, time_base_den  the time base of this stream's packet timestamps,
 *                    e.g. 1/30 or 1/90000; both 1 to INT32_MAX. Kept for the stream's life.
 *  @param frame_rate_num, frame_rate_den  nominal frame rate (MP4/MKV default durations),
 *                    or 0/0 for unknown.
 *  @param extradata  the codec configuration (AV1: av1C record or sequence header OBU;
 *                    H.264/HEVC: avcC/hvcC or Annex B parameter sets), copied; NULL to take
 *                    it from the stream's first keyframe.
 *  @param extradata_size  bytes at extradata, 0 when NULL, at most 1 MiB.
 *  @param stream_index receives the index for reelff_muxer_write_packet (0, 1, ...).
 *  @return 0; AVERROR(EINVAL) naming the argument; REELFF_ERROR_UNSUPPORTED when the
 *          container cannot hold the codec; REELFF_ERROR_BAD_STATE after begin. */
REELFF_API int reelff_muxer_add_video_stream(reelff_muxer *muxer, int codec, int width, int height,
                                             int time_base_num, int time_base_den,
                                             int frame_rate_num, int frame_rate_den,
                                             const uint8_t *extradata, int extradata_size,
                                             int *stream_index);

/** Adds an audio stream.
 *  @param codec        REELFF_CODEC_OPUS or REELFF_CODEC_AAC (MOV: AAC only; WebM: Opus only).
 *  @param sample_rate  the coded rate, 8000 to 192000 (Opus: 48000 recommended, the
 *                      container clock of Opus is always 48 kHz).
 *  @param channels     1 to 8; the layout is FFmpeg's default for that count.
 *  @param time_base_num, time_base_den  time base of this stream's timestamps (usually
 *                      1/sample_rate, as reelff_audio_encoder_info gives it).
 *  @param extradata    OpusHead (Opus) or AudioSpecificConfig (AAC), copied; required.
 *  @param extradata_size  1 to 1 MiB.
 *  @param initial_padding  encoder delay in samples at sample_rate (Opus pre-skip, AAC
 *                      priming), 0 or more: written as Matroska CodecDelay and the MP4 edit
 *                      list so players drop it.
 *  @param frame_size   samples per packet (960 for 20 ms Opus, 1024 for AAC), 0 if unknown.
 *  @param stream_index receives the stream index.
 *  @return 0; AVERROR(EINVAL) naming the argument; REELFF_ERROR_UNSUPPORTED when the
 *          container cannot hold the codec (AAC in WebM); REELFF_ERROR_BAD_STATE after begin. */
REELFF_API int reelff_muxer_add_audio_stream(reelff_muxer *muxer, int codec, int sample_rate,
                                             int channels, int time_base_num, int time_base_den,
                                             const uint8_t *extradata, int extradata_size,
                                             int initial_padding, int frame_size,
                                             int *stream_index);

/** Opens the file and writes the header (deferred until the first keyframe of every video
 *  stream that lacks extradata, see the section comment).
 *  @return 0; an I/O error naming the path ("avio_open /x/y.mp4: Permission denied");
 *          AVERROR(EINVAL) with no stream; REELFF_ERROR_BAD_STATE when begun already;
 *          errors of avformat_write_header (the message names the call). */
REELFF_API int reelff_muxer_begin(reelff_muxer *muxer);

/** Writes one packet. The data is copied; libavformat interleaves packets of all streams
 *  by timestamp (av_interleaved_write_frame) before they reach the file.
 *  @param stream    an index from reelff_muxer_add_*_stream.
 *  @param data      the packet (AV1: one temporal unit; H.264/HEVC: an access unit, Annex B
 *                   or length-prefixed as the extradata; audio: one codec packet); not NULL.
 *  @param size      1 to 256 MiB.
 *  @param pts, dts  in the stream's time base (the one given at add_*_stream, never the
 *                   container's); dts may be REELFF_NOPTS (= pts); dts <= pts, and dts
 *                   increasing per stream (audio: pts may start negative, -initial_padding).
 *  @param duration  in the stream's time base, 0 if unknown.
 *  @param flags     REELFF_PACKET_KEYFRAME for random access points.
 *  @return 0; REELFF_ERROR_BAD_STATE before begin, after end or after an earlier write
 *          failed (the muxer keeps the first error); AVERROR(EINVAL) naming the argument
 *          (stream, size, a dts not above the previous one); an I/O error naming the path
 *          ("av_interleaved_write_frame /x/y.mp4: No space left on device"). After an I/O
 *          error what was already written stays readable; call end or destroy. */
REELFF_API int reelff_muxer_write_packet(reelff_muxer *muxer, int stream, const uint8_t *data,
                                         int size, int64_t pts, int64_t dts, int64_t duration,
                                         int flags);

/** Finishes the file: drains the interleaving queue, writes the trailer (MP4: the last
 *  fragment and the mfra index; Matroska: Cues, durations), closes it, then (MP4/MOV with
 *  REELFF_MUX_FASTSTART 1) rewrites it moov-first and renames it into place.
 *  @return 0; an I/O error naming the path; REELFF_ERROR_BAD_STATE before begin or after
 *          end. If the faststart rewrite fails (e.g. disk full), the fragmented file stays
 *          complete and playable at path, the temporary file is removed and the error is
 *          returned. After a failure of an earlier write, end still closes the file (keeping
 *          what was written) and returns that first error. */
REELFF_API int reelff_muxer_end(reelff_muxer *muxer);

/** Frees the muxer. If begin succeeded and end was not called, the file is finished as end
 *  does but without the faststart rewrite, so nothing written is lost. Accepts NULL. */
REELFF_API void reelff_muxer_destroy(reelff_muxer *muxer);

/** Byte counts of the file so far (valid at any time; final after end).
 *  @param file_bytes      bytes written to the file (after end: the final file's size).
 *  @param payload_bytes   sum of the packet sizes written (before the container's
 *                         reformatting: temporal delimiters, start codes).
 *  @param overhead_bytes  file_bytes - payload_bytes (may be negative when the container
 *                         strips more than it adds, e.g. AV1 temporal delimiters).
 *  Each may be NULL. @return 0; AVERROR(EINVAL) for a NULL muxer. */
REELFF_API int reelff_muxer_stats(const reelff_muxer *muxer, int64_t *file_bytes,
                                  int64_t *payload_bytes, int64_t *overhead_bytes);

/** Per-stream counts. @param packets, bytes, end_pts (largest pts + duration, in the
 *  stream's time base; REELFF_NOPTS before any packet) may each be NULL.
 *  @return 0; AVERROR(EINVAL) for a bad muxer or stream. */
REELFF_API int reelff_muxer_stream_stats(const reelff_muxer *muxer, int stream, int64_t *packets,
                                         int64_t *bytes, int64_t *end_pts);

/** The time base the container chose for a stream (known after the header was written;
 *  before that, the caller's). For information: packets always use the caller's.
 *  @return 0; AVERROR(EINVAL) for a bad muxer, stream or NULL output. */
REELFF_API int reelff_muxer_container_time_base(const reelff_muxer *muxer, int stream, int *num,
                                                int *den);

/* -------------------------------------------------------------------------------------
 * 6. Audio encoder
 *
 * Opus through libavcodec's "libopus" encoder and AAC through libavcodec's native "aac"
 * encoder, from interleaved PCM. Input at a rate the codec does not list is resampled by
 * libswresample to the next higher rate it lists, or, above its top rate, to the largest
 * listed rate that divides the input rate, else to its top rate (Opus lists 8, 12, 16, 24 and
 * 48 kHz: 44.1 kHz goes to 48 kHz, 96 kHz to 48 kHz; AAC lists 7.35 to 96 kHz in 13 steps:
 * 176.4 kHz goes to 88.2 kHz, 192 kHz to 96 kHz). Samples are buffered to the codec's
 * frame size; a frame's pts is the exact count of samples before it at the codec rate (an
 * integer, never a sum of rounded durations), so A/V drift stays below one sample plus the
 * resampler's rounding however long the recording.
 *
 * Channel layouts per count (interleaved in FFmpeg's order, the WAVE order), checked by
 * opening each encoder on libavcodec 59:
 *   count  Opus (libopus, mapping family 1 above 2)   AAC (native encoder)
 *   1      mono                                          mono
 *   2      stereo   FL FR                                stereo
 *   3      3.0      FL FR FC                             3.0
 *   4      quad     FL FR BL BR                          4.0  FL FR FC BC
 *   5      5.0      FL FR FC BL BR                       5.0
 *   6      5.1      FL FR FC LFE BL BR                   5.1
 *   7      6.1      FL FR FC LFE BC SL SR                6.1 (written with a PCE)
 *   8      7.1      FL FR FC LFE BL BR SL SR             7.1
 * libopus takes exactly the Vorbis layouts (RFC 7845) and libavcodec reorders into them; the
 * AAC encoder codes the MPEG channel configurations and, with a PCE, a few others (6.1).
 * reelff_audio_encoder_channel_layout names the layout used.
 */

/** An Opus or AAC encoder with its resampler and frame buffer. */
typedef struct reelff_audio_encoder reelff_audio_encoder;

/** Checks a PCM input against a codec without creating anything (Reel validates a movie
 *  writer's audio settings before touching a file).
 *  @param codec          REELFF_CODEC_OPUS or REELFF_CODEC_AAC.
 *  @param sample_format  a reelff_sample_format_t.
 *  @param sample_rate    8000 to 192000.
 *  @param channels       1 to 8 (and a layout the codec accepts).
 *  @return 0; AVERROR(EINVAL) naming the argument and the range; REELFF_ERROR_UNSUPPORTED
 *          when the codec is missing from this build or refuses the channel count.
 *  Thread-safe. */
REELFF_API int reelff_audio_format_check(int codec, int sample_format, int sample_rate,
                                         int channels);

/** Creates and opens an encoder.
 *  @param codec, sample_format, sample_rate, channels  the input, as reelff_audio_format_check.
 *  @param bit_rate  bits per second, 0 for the shim's default (Opus 48 kbit/s per channel,
 *                   AAC 64 kbit/s per channel), else 6000 to 1024000.
 *  @param out       receives the encoder; the caller owns it.
 *  @return 0; the errors of reelff_audio_format_check; errors of avcodec_open2 (named). */
REELFF_API int reelff_audio_encoder_create(int codec, int sample_format, int sample_rate,
                                           int channels, int64_t bit_rate,
                                           reelff_audio_encoder **out);

/** What the muxer needs to know.
 *  @param codec_sample_rate  the rate the codec runs at (after resampling).
 *  @param frame_size         samples per packet at codec_sample_rate (960 Opus, 1024 AAC).
 *  @param initial_padding    encoder delay in samples at codec_sample_rate (Opus pre-skip:
 *                            312 at 48 kHz; AAC: 1024); the first packet's pts is its negative.
 *  @param time_base_num, time_base_den  time base of packet timestamps (1/codec_sample_rate).
 *  Each may be NULL. @return 0; AVERROR(EINVAL) for a NULL encoder. */
REELFF_API int reelff_audio_encoder_info(const reelff_audio_encoder *encoder,
                                         int *codec_sample_rate, int *frame_size,
                                         int *initial_padding, int *time_base_num,
                                         int *time_base_den);

/** The codec configuration for the container: a 19-byte OpusHead (more with a channel
 *  mapping table) or an AAC AudioSpecificConfig.
 *  @param data  receives a pointer owned by the encoder, valid until destroy.
 *  @return 0; AVERROR(EINVAL) for NULL arguments. */
REELFF_API int reelff_audio_encoder_extradata(const reelff_audio_encoder *encoder,
                                              const uint8_t **data, int *size);

/** @return the channel layout the codec encodes, e.g. "stereo", "5.1(side)"; a string owned
 *  by the encoder; "" for NULL. */
REELFF_API const char *reelff_audio_encoder_channel_layout(const reelff_audio_encoder *encoder);

/** Sends interleaved PCM: converted, resampled if needed, buffered, and every complete
 *  frame encoded (packets queue up for reelff_audio_encoder_receive).
 *  @param samples  frames * channels samples of the encoder's sample format; read during the
 *                  call only. May be NULL when frames is 0.
 *  @param frames   samples per channel, 0 to 1 << 24.
 *  @return 0; REELFF_ERROR_BAD_STATE after flush; AVERROR(EINVAL); codec errors. */
REELFF_API int reelff_audio_encoder_send(reelff_audio_encoder *encoder, const void *samples,
                                         int frames);

/** Ends the input: the resampler's tail and the last partial frame are encoded and the codec
 *  is drained; receive then returns the remaining packets and REELFF_ERROR_EOF.
 *  @return 0; REELFF_ERROR_BAD_STATE when already flushed; codec errors. */
REELFF_API int reelff_audio_encoder_flush(reelff_audio_encoder *encoder);

/** Takes the next packet.
 *  @param data      receives the packet bytes, owned by the encoder, valid until the next
 *                   receive, flush or destroy.
 *  @param size      receives its size.
 *  @param pts       receives its pts in 1/codec_sample_rate (first packet: -initial_padding).
 *  @param duration  receives its duration in samples at codec_sample_rate (the last packet
 *                   carries only the samples that remain).
 *  Each output but data/size may be NULL.
 *  @return 0; REELFF_ERROR_AGAIN when no packet is ready (send more); REELFF_ERROR_EOF after
 *          flush when all packets were taken. */
REELFF_API int reelff_audio_encoder_receive(reelff_audio_encoder *encoder, const uint8_t **data,
                                            int *size, int64_t *pts, int64_t *duration);

/** Samples counted so far. @param input_frames receives samples per channel sent (input
 *  rate); @param coded_frames samples per channel given to the codec (codec rate).
 *  Each may be NULL. @return 0; AVERROR(EINVAL) for NULL encoder. */
REELFF_API int reelff_audio_encoder_counts(const reelff_audio_encoder *encoder,
                                           int64_t *input_frames, int64_t *coded_frames);

/** Frees the encoder and any packet not taken. Accepts NULL. */
REELFF_API void reelff_audio_encoder_destroy(reelff_audio_encoder *encoder);

/* -------------------------------------------------------------------------------------
 * 7. Demuxer
 *
 * Reads any container libavformat reads (MP4/MOV, WebM/MKV, IVF, WAV, ...). Opening reads
 * the header and probes streams (avformat_find_stream_info: at most 5 MB / 5 s of packets,
 * which are kept and returned by read_packet), never the whole file. Seeking goes through
 * the container's own index (MP4 sample tables, Matroska Cues, the generic index for IVF).
 */

/** An open input file. */
typedef struct reelff_demuxer reelff_demuxer;

/** Opens path. Only containers and streams Reel reads open (MP4/MOV, Matroska/WebM, IVF, OBU,
 *  H.264/HEVC elementary streams, MPEG-TS, NUT, WAV/W64, Ogg, FLAC, MP3, AAC) and only through
 *  the file protocol: playlists and scripts (HLS, DASH, concat, image patterns, SDP...) could
 *  make FFmpeg read other files or reach the network, so they are refused.
 *  @param path  the file; copied.
 *  @param out   receives the demuxer; the caller owns it.
 *  @return 0; an I/O error naming the path ("avformat_open_input /x.mp4: No such file or
 *          directory"); AVERROR_INVALIDDATA (corrupt data: not a media file libavformat
 *          recognises, or a broken header); REELFF_ERROR_UNSUPPORTED for a format outside
 *          the list above ("x.m3u8: a 'hls' input is not read ..."); AVERROR(ENOMEM). */
REELFF_API int reelff_demuxer_open(const char *path, reelff_demuxer **out);

/** Frees the demuxer. Accepts NULL. */
REELFF_API void reelff_demuxer_destroy(reelff_demuxer *demuxer);

/** @return the libavformat demuxer's name ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm",
 *  "ivf", "wav"), owned by FFmpeg; "" for NULL. */
REELFF_API const char *reelff_demuxer_format_name(const reelff_demuxer *demuxer);

/** @return the number of streams (>= 0); AVERROR(EINVAL) for NULL. */
REELFF_API int reelff_demuxer_stream_count(const reelff_demuxer *demuxer);

/** Stream properties (reelff_demuxer_stream_property). Unknown values read as 0 unless said. */
typedef enum reelff_stream_property_t {
    REELFF_STREAM_MEDIA_TYPE = 1,      /**< a reelff_media_type_t */
    REELFF_STREAM_CODEC = 2,           /**< a reelff_codec_t */
    REELFF_STREAM_TIME_BASE_NUM = 3,   /**< time base of this stream's timestamps */
    REELFF_STREAM_TIME_BASE_DEN = 4,
    REELFF_STREAM_START_TIME = 5,      /**< first pts in the time base; REELFF_NOPTS unknown */
    REELFF_STREAM_DURATION = 6,        /**< in the time base; 0 unknown (then see
                                            REELFF_DEMUXER_DURATION_US via stream -1) */
    REELFF_STREAM_FRAME_COUNT = 7,     /**< exact frames/packets when the container says
                                            (nb_frames, or MP4/MOV's sample table, IVF's
                                            header), else 0 = unknown (Matroska) */
    REELFF_STREAM_INDEX_ENTRIES = 8,   /**< entries of the container's index known so far */
    REELFF_STREAM_WIDTH = 9,
    REELFF_STREAM_HEIGHT = 10,
    REELFF_STREAM_FRAME_RATE_NUM = 11, /**< average frame rate (or the stream's base rate) */
    REELFF_STREAM_FRAME_RATE_DEN = 12,
    REELFF_STREAM_PIXEL_FORMAT = 13,   /**< a reelff_pixel_format_t (decoder's output format) */
    REELFF_STREAM_SAMPLE_RATE = 14,
    REELFF_STREAM_CHANNELS = 15,
    REELFF_STREAM_BIT_RATE = 16,       /**< bits per second, 0 unknown */
    REELFF_STREAM_INITIAL_PADDING = 17,/**< audio encoder delay in samples (Opus pre-skip) */
    REELFF_STREAM_FRAME_SIZE = 18,     /**< audio samples per packet, 0 if variable/unknown */
    REELFF_STREAM_BITS_PER_SAMPLE = 19,/**< bits per coded sample (PCM) or raw sample */
    /** Stream -1 only: the file's duration in microseconds (0 unknown). */
    REELFF_DEMUXER_DURATION_US = 100,
    /** Stream -1 only: the file's size in bytes (-1 unknown). */
    REELFF_DEMUXER_FILE_SIZE = 101
} reelff_stream_property_t;

/** Reads a property.
 *  @param stream    0 to stream_count - 1, or -1 for REELFF_DEMUXER_* properties.
 *  @param property  a reelff_stream_property_t.
 *  @param value     receives the value; not NULL.
 *  @return 0; AVERROR(EINVAL) for a bad stream, an unknown property or NULL. */
REELFF_API int reelff_demuxer_stream_property(const reelff_demuxer *demuxer, int stream,
                                              int property, int64_t *value);

/** @return the codec's FFmpeg name ("av1", "h264", "opus", "pcm_s16le"), owned by FFmpeg;
 *  "" for a bad demuxer or stream. */
REELFF_API const char *reelff_demuxer_stream_codec_name(const reelff_demuxer *demuxer, int stream);

/** The stream's codec configuration (av1C, avcC, hvcC, OpusHead, AudioSpecificConfig, ...).
 *  @param data  receives a pointer owned by the demuxer (valid until destroy), or NULL when
 *               the stream has none (then *size is 0).
 *  @return 0; AVERROR(EINVAL) for a bad stream or NULL outputs. */
REELFF_API int reelff_demuxer_stream_extradata(const reelff_demuxer *demuxer, int stream,
                                               const uint8_t **data, int *size);

/** The stream FFmpeg considers best of a type (av_find_best_stream).
 *  @param media_type  REELFF_MEDIA_VIDEO or REELFF_MEDIA_AUDIO.
 *  @return the stream index (>= 0); AVERROR_STREAM_NOT_FOUND (kind unsupported) when the file
 *          has none; AVERROR(EINVAL). */
REELFF_API int reelff_demuxer_best_stream(const reelff_demuxer *demuxer, int media_type);

/** Enables or disables a stream: a disabled stream's packets are skipped by
 *  read_packet (AVDISCARD_ALL). All streams start enabled.
 *  @return 0; AVERROR(EINVAL) for a bad stream. */
REELFF_API int reelff_demuxer_set_stream_enabled(reelff_demuxer *demuxer, int stream, int enabled);

/** Reads the next packet of any enabled stream, in file order.
 *  @param stream    receives the packet's stream index.
 *  @param data      receives the packet bytes, owned by the demuxer, valid until the next
 *                   read_packet, seek or destroy.
 *  @param size      receives its size.
 *  @param pts, dts, duration  receive timestamps in the stream's time base (REELFF_NOPTS
 *                   when the container has none; duration 0 unknown).
 *  @param flags     receives REELFF_PACKET_* flags.
 *  pts, dts, duration and flags may be NULL.
 *  @return 0; REELFF_ERROR_EOF at the end; an I/O error naming the path; AVERROR_INVALIDDATA
 *          for damage the demuxer cannot skip. */
REELFF_API int reelff_demuxer_read_packet(reelff_demuxer *demuxer, int *stream,
                                          const uint8_t **data, int *size, int64_t *pts,
                                          int64_t *dts, int64_t *duration, int *flags);

/** Seek flags. */
#define REELFF_SEEK_ANY 0x1 /**< land on any packet, not only on a keyframe */

/** Seeks so that the next read_packet returns, for stream, the keyframe at or before
 *  timestamp (AVSEEK_FLAG_BACKWARD), through the container's index. Decoders fed from this
 *  demuxer must be reset (reelff_video_decoder_reset) afterwards.
 *  @param stream     the stream whose time base timestamp is in.
 *  @param timestamp  a pts of stream (MP4: entries are dts; with B-frames a keyframe's dts
 *                    may lie below its pts).
 *  @param flags      0 or REELFF_SEEK_ANY.
 *  @return 0; AVERROR(EINVAL) for a bad stream; errors of av_seek_frame (e.g. EPERM when
 *          the position cannot be reached). */
REELFF_API int reelff_demuxer_seek(reelff_demuxer *demuxer, int stream, int64_t timestamp,
                                   int flags);

/** The container's index of a stream (random access: Reel's frame cache plans its seeks with
 *  it). MP4/MOV list every sample (timestamps are dts); Matroska lists its Cues (keyframes,
 *  pts); IVF and others list what the generic index learnt so far.
 *  @param entry      0 to REELFF_STREAM_INDEX_ENTRIES - 1.
 *  @param timestamp  receives the entry's timestamp in the stream's time base.
 *  @param flags      receives REELFF_PACKET_KEYFRAME when the entry is a keyframe.
 *  @param position   receives the byte offset in the file (-1 unknown).
 *  @param size       receives the packet size (0 unknown).
 *  Outputs may be NULL. @return 0; AVERROR(EINVAL) for a bad stream or entry. */
REELFF_API int reelff_demuxer_index_entry(const reelff_demuxer *demuxer, int stream, int entry,
                                          int64_t *timestamp, int *flags, int64_t *position,
                                          int *size);

/* -------------------------------------------------------------------------------------
 * 8. Audio decoder and PCM reader
 */

/** An audio decoder producing interleaved PCM at the stream's own rate and channels. */
typedef struct reelff_audio_decoder reelff_audio_decoder;

/** Creates a decoder for an audio stream of a demuxer (its codec parameters are copied; the
 *  decoder does not keep the demuxer).
 *  @param sample_format  the output format, a reelff_sample_format_t.
 *  @param out            receives the decoder; the caller owns it.
 *  @return 0; AVERROR(EINVAL) for a bad stream, a non-audio stream or a bad format;
 *          AVERROR_DECODER_NOT_FOUND (unsupported) when this build cannot decode it. */
REELFF_API int reelff_audio_decoder_create(const reelff_demuxer *demuxer, int stream,
                                           int sample_format, reelff_audio_decoder **out);

/** Sample rate and channel count of the output (known from the stream, refined by the
 *  first decoded frame). Each may be NULL. @return 0; AVERROR(EINVAL). */
REELFF_API int reelff_audio_decoder_info(const reelff_audio_decoder *decoder, int *sample_rate,
                                         int *channels);

/** Sends the packet last read by demuxer (with its side data, e.g. the skip-samples of an
 *  Opus pre-skip), which must be of this decoder's stream.
 *  @return 0; REELFF_ERROR_AGAIN (receive first, then send again); AVERROR(EINVAL) when the
 *          demuxer holds no packet or a packet of another stream; decode errors. */
REELFF_API int reelff_audio_decoder_send_demuxed(reelff_audio_decoder *decoder,
                                                 const reelff_demuxer *demuxer, int stream);

/** Sends a packet from elsewhere (copied), or starts draining when data is NULL.
 *  @param pts, duration  in the stream's time base; REELFF_NOPTS / 0 when unknown.
 *  @return 0; REELFF_ERROR_AGAIN; REELFF_ERROR_EOF when already draining; decode errors
 *          (AVERROR_INVALIDDATA for corrupt packets; the decoder stays usable). */
REELFF_API int reelff_audio_decoder_send_packet(reelff_audio_decoder *decoder,
                                                const uint8_t *data, int size, int64_t pts,
                                                int64_t duration);

/** Takes the next decoded samples.
 *  @param samples  receives interleaved PCM in the decoder's format, owned by the decoder,
 *                  valid until the next receive, send or destroy.
 *  @param frames   receives samples per channel.
 *  @param pts      receives the pts in 1/sample_rate (REELFF_NOPTS unknown); may be NULL.
 *  @return 0; REELFF_ERROR_AGAIN (send more); REELFF_ERROR_EOF when drained. */
REELFF_API int reelff_audio_decoder_receive(reelff_audio_decoder *decoder, const void **samples,
                                            int *frames, int64_t *pts);

/** Forgets buffered data (after a seek). @return 0; AVERROR(EINVAL) for NULL. */
REELFF_API int reelff_audio_decoder_reset(reelff_audio_decoder *decoder);

/** Frees the decoder. Accepts NULL. */
REELFF_API void reelff_audio_decoder_destroy(reelff_audio_decoder *decoder);

/** A file's best audio stream as interleaved PCM at its native rate (`reel encode --audio
 *  in.wav`, round-trip tests): a demuxer plus an audio decoder. Encoder delay (Opus pre-skip,
 *  AAC priming) is dropped as the container signals it. */
typedef struct reelff_pcm_reader reelff_pcm_reader;

/** Opens path and its best audio stream.
 *  @param sample_format  the output format.
 *  @return 0; the errors of reelff_demuxer_open; AVERROR_STREAM_NOT_FOUND when the file has
 *          no audio ("<path>: no audio stream"); the errors of reelff_audio_decoder_create. */
REELFF_API int reelff_pcm_reader_open(const char *path, int sample_format, reelff_pcm_reader **out);

/** @param sample_rate, channels  the output's; @param codec a reelff_codec_t;
 *  @param duration_frames  the stream's duration in samples per channel if the container
 *  says, else 0. Each may be NULL. @return 0; AVERROR(EINVAL). */
REELFF_API int reelff_pcm_reader_info(const reelff_pcm_reader *reader, int *sample_rate,
                                      int *channels, int *codec, int64_t *duration_frames);

/** Reads up to max_frames samples per channel into buffer.
 *  @param buffer      receives max_frames * channels samples; owned by the caller.
 *  @param frames_read receives the count (0 only at the end).
 *  @return 0 (also at the end, with 0 frames); I/O or decode errors. */
REELFF_API int reelff_pcm_reader_read(reelff_pcm_reader *reader, void *buffer, int max_frames,
                                      int *frames_read);

/** Frees the reader. Accepts NULL. */
REELFF_API void reelff_pcm_reader_destroy(reelff_pcm_reader *reader);

/* -------------------------------------------------------------------------------------
 * 9. Video decoder
 *
 * H.264, HEVC, VP9 and AV1 (and anything libavcodec decodes) through libavcodec, into
 * frames the host allocates: the decoder's get_buffer2 asks the host for every picture
 * (zero copy into the host's pools) and tells it when libavcodec drops its last reference.
 * Decoders without direct rendering (AV_CODEC_CAP_DR1; libavcodec's libdav1d wrapper for
 * AV1) decode into libavcodec's memory instead: their frames come with cookie NULL and the
 * stats count them as fallback frames. (Reel decodes AV1 with dav1d directly.)
 */

/** An open video decoder. */
typedef struct reelff_video_decoder reelff_video_decoder;

/** Plane pointers the host's allocator returns must be aligned to this many bytes. */
#define REELFF_FRAME_ALIGNMENT 64

/** Asks the host for a picture buffer (libavcodec's get_buffer2).
 *  @param user          the pointer given at create.
 *  @param pixel_format  a reelff_pixel_format_t; REELFF_PIXEL_OTHER for formats Reel has no
 *                       name for (the host should then return 1: see below).
 *  @param width, height the picture size libavcodec decodes (coded size, may exceed the
 *                       displayed size before cropping).
 *  @param plane_count   1 to 4.
 *  @param strides       plane_count byte strides the planes must use (libavcodec's aligned
 *                       strides: avcodec_align_dimensions2 + av_image_fill_linesizes).
 *  @param plane_sizes   plane_count byte sizes each plane must have, padding included
 *                       (libavcodec may read and write past the last row).
 *  @param planes        receives plane_count pointers, each REELFF_FRAME_ALIGNMENT-aligned,
 *                       each of at least plane_sizes[i] bytes, written by the decoder until
 *                       release.
 *  @param cookie        receives the host's token for this buffer, given back to release
 *                       and by reelff_video_decoder_receive.
 *  @return 0 on success; 1 to decline (libavcodec then allocates this picture itself: a
 *          fallback frame, cookie NULL); a negative value to fail the decode with
 *          AVERROR(ENOMEM).
 *  Runs on the thread calling send/receive, or with frame threading on a decoder worker
 *  thread (never two at once for one decoder). Must not call into the shim. */
typedef int (*reelff_frame_alloc_fn)(void *user, int pixel_format, int width, int height,
                                     int plane_count, const int32_t *strides,
                                     const int64_t *plane_sizes, uint8_t **planes,
                                     void **cookie);

/** Tells the host libavcodec dropped its last reference to a buffer from the allocator.
 *  Runs on any thread (decoder workers, the thread calling receive/reset/destroy), possibly
 *  concurrently with the allocator: it must be thread-safe and must not call into the shim.
 *  Every successful allocation is released exactly once, at the latest before
 *  reelff_video_decoder_destroy returns. */
typedef void (*reelff_frame_release_fn)(void *user, void *cookie);

/** Creates a decoder.
 *  @param codec         a reelff_codec_t (REELFF_CODEC_H264, _HEVC, _VP9, _AV1, ...).
 *  @param decoder_name  a libavcodec decoder name ("h264", "hevc_cuvid", ...) or NULL for
 *                       FFmpeg's default decoder of codec.
 *  @param extradata     codec configuration (avcC, hvcC, Annex B parameter sets, av1C),
 *                       copied; may be NULL (then in-band parameter sets are used).
 *  @param extradata_size  bytes at extradata.
 *  @param threads       decoder threads: 0 = FFmpeg's choice (one per core), 1 = none, up
 *                       to 64 (frame and slice threading).
 *  @param alloc, release, user  the host allocator; alloc and release both NULL to let
 *                       libavcodec allocate every frame itself, else both non-NULL.
 *  @param out           receives the decoder; the caller owns it.
 *  @return 0; AVERROR(EINVAL) naming the argument; REELFF_ERROR_UNSUPPORTED when this build
 *          lacks the decoder; errors of avcodec_open2 (named). */
REELFF_API int reelff_video_decoder_create(int codec, const char *decoder_name,
                                           const uint8_t *extradata, int extradata_size,
                                           int threads, reelff_frame_alloc_fn alloc,
                                           reelff_frame_release_fn release, void *user,
                                           reelff_video_decoder **out);

/** Creates a decoder for a demuxer's video stream (codec, extradata, dimensions and time base
 *  copied from it). Other parameters as reelff_video_decoder_create. */
REELFF_API int reelff_video_decoder_create_for_stream(const reelff_demuxer *demuxer, int stream,
                                                      const char *decoder_name, int threads,
                                                      reelff_frame_alloc_fn alloc,
                                                      reelff_frame_release_fn release,
                                                      void *user, reelff_video_decoder **out);

/** Sends one packet (copied), or starts draining when data is NULL.
 *  @param pts, dts  any time base the host likes (passed through to frames); REELFF_NOPTS.
 *  @param flags     REELFF_PACKET_KEYFRAME when known.
 *  @return 0; REELFF_ERROR_AGAIN (receive frames, then send again); REELFF_ERROR_EOF when
 *          already draining; AVERROR_INVALIDDATA for corrupt data (the decoder stays usable;
 *          send the next packet or reset); AVERROR(ENOMEM) when the allocator failed. */
REELFF_API int reelff_video_decoder_send_packet(reelff_video_decoder *decoder,
                                                const uint8_t *data, int size, int64_t pts,
                                                int64_t dts, int flags);

/** Sends the packet last read by demuxer, which must be of stream (side data kept).
 *  @return as reelff_video_decoder_send_packet; AVERROR(EINVAL) when the demuxer holds no
 *          packet of that stream. */
REELFF_API int reelff_video_decoder_send_demuxed(reelff_video_decoder *decoder,
                                                 const reelff_demuxer *demuxer, int stream);

/** Takes the next decoded picture (cropped as the stream says: plane pointers may point
 *  inside the host's planes). The picture stays valid, and its buffer referenced by the
 *  decoder, until the next receive, reset or destroy: a host that keeps it longer takes its
 *  own reference on cookie before that.
 *  @param pixel_format  receives a reelff_pixel_format_t.
 *  @param width, height receive the displayed size.
 *  @param planes        receives 4 plane pointers (unused ones NULL); an array of 4.
 *  @param strides       receives 4 byte strides; an array of 4.
 *  @param pts           receives the pts of the packet the picture came from
 *                       (best-effort timestamp), REELFF_NOPTS when unknown.
 *  @param flags         receives REELFF_PACKET_KEYFRAME for key pictures and
 *                       REELFF_PACKET_CORRUPT when the decoder concealed errors; may be NULL.
 *  @param cookie        receives the host allocator's cookie, NULL for a fallback frame.
 *  @return 0; REELFF_ERROR_AGAIN (send more); REELFF_ERROR_EOF when drained; decode errors. */
REELFF_API int reelff_video_decoder_receive(reelff_video_decoder *decoder, int *pixel_format,
                                            int *width, int *height, uint8_t **planes,
                                            int32_t *strides, int64_t *pts, int *flags,
                                            void **cookie);

/** @return the libavutil name of the last received picture's pixel format ("yuv420p",
 *  "yuv444p12le"), "" before any; owned by FFmpeg. */
REELFF_API const char *reelff_video_decoder_pixel_format_name(const reelff_video_decoder *decoder);

/** Drops every buffered packet and picture (avcodec_flush_buffers) so decoding can restart at
 *  a keyframe after a seek, or after draining. Buffers libavcodec held are released
 *  (release may run during the call). @return 0; AVERROR(EINVAL) for NULL. */
REELFF_API int reelff_video_decoder_reset(reelff_video_decoder *decoder);

/** Counters since create. Each output may be NULL.
 *  @param frames        pictures returned by receive.
 *  @param host_frames   of those, pictures in host-allocated buffers.
 *  @param allocations   successful host allocations; @param releases host releases so far
 *                       (allocations - releases = buffers libavcodec or the decoder hold).
 *  @param fallbacks     pictures libavcodec allocated itself (declined or no DR1).
 *  @return 0; AVERROR(EINVAL). */
REELFF_API int reelff_video_decoder_stats(const reelff_video_decoder *decoder, int64_t *frames,
                                          int64_t *host_frames, int64_t *allocations,
                                          int64_t *releases, int64_t *fallbacks);

/** Frees the decoder; every host buffer is released before it returns. Accepts NULL. */
REELFF_API void reelff_video_decoder_destroy(reelff_video_decoder *decoder);

/* -------------------------------------------------------------------------------------
 * 10. Video encoder
 *
 * libx264 and libx265, and the hardware wrappers of this FFmpeg (h264_nvenc, hevc_nvenc,
 * h264_qsv, hevc_qsv: input from system memory; h264_vaapi, hevc_vaapi: frames uploaded to
 * VA surfaces of a frames context). Life cycle: create(name) -> set settings -> open ->
 * send frames / receive packets -> flush -> receive until EOF -> destroy.
 *
 * Input frames wrap host buffers: send_frame builds an AVFrame whose data points at the
 * host's planes, held through one AVBufferRef whose free callback calls the host's release
 * with the frame's cookie when the codec lets go (for x264/x265, during send_frame after
 * the library copied the picture into its lookahead; for an upload to a VA surface, after
 * the upload). No copy is made by the shim.
 *
 * A setting the chosen encoder cannot honour is refused (at set or at open) with
 * REELFF_ERROR_UNSUPPORTED and a message that names it and what the encoder accepts.
 */

/** An encoder being configured or running. */
typedef struct reelff_video_encoder reelff_video_encoder;

/** Tells the host the encoder no longer reads a frame it was sent. Runs on the thread that
 *  calls send_frame, flush or destroy (libavcodec's wrappers drop input frames synchronously:
 *  x264, x265 and nvenc copy the picture into their own buffers during send_frame); must not
 *  call into the shim. Called exactly once per frame accepted by send_frame. */
typedef void (*reelff_frame_done_fn)(void *user, void *cookie);

/** Rate control modes (REELFF_VENC_RATE_CONTROL). */
typedef enum reelff_rate_control_t {
    REELFF_RC_DEFAULT = 0, /**< the encoder's default (x264/x265: CRF 23/28) */
    REELFF_RC_CQP = 1,     /**< constant QP: REELFF_VENC_QUALITY is the QP */
    REELFF_RC_CRF = 2,     /**< constant quality: REELFF_VENC_QUALITY is the CRF (x264/x265;
                                nvenc: CQ of VBR; vaapi/qsv: ICQ), optional MAX_BITRATE +
                                BUFFER_SIZE cap it */
    REELFF_RC_VBR = 3,     /**< average BITRATE, optional MAX_BITRATE and BUFFER_SIZE */
    REELFF_RC_CBR = 4      /**< BITRATE = max rate, BUFFER_SIZE (default 1 s of BITRATE) */
} reelff_rate_control_t;

/** Integer settings (reelff_video_encoder_set_int), before open unless said. */
typedef enum reelff_video_encoder_int_t {
    REELFF_VENC_WIDTH = 1,          /**< 16 to 16384; even for 4:2:0 formats (required) */
    REELFF_VENC_HEIGHT = 2,         /**< 16 to 16384; even for 4:2:0 formats (required) */
    REELFF_VENC_PIXEL_FORMAT = 3,   /**< a reelff_pixel_format_t: I420 (default), NV12, I010,
                                         P010 -- as far as the encoder lists it */
    REELFF_VENC_TIME_BASE_NUM = 4,  /**< time base of frame pts and packet timestamps; */
    REELFF_VENC_TIME_BASE_DEN = 5,  /**<   default 1/FRAME_RATE */
    REELFF_VENC_FRAME_RATE_NUM = 6, /**< frames per second as a fraction, default 30/1, */
    REELFF_VENC_FRAME_RATE_DEN = 7, /**<   1 to 1000 fps */
    REELFF_VENC_RATE_CONTROL = 8,   /**< a reelff_rate_control_t */
    REELFF_VENC_QUALITY = 9,        /**< QP (CQP) or CRF (CRF), 0-69 here; per encoder at
                                         open: x264 QP 0-51 (0-63 at 10 bit) and CRF 0-51,
                                         x265 and nvenc 0-51, vaapi 0-52, qsv 1-51 */
    REELFF_VENC_BITRATE = 10,       /**< bits per second, VBR/CBR, 10000 to 800000000;
                                         may change on an open encoder: see below */
    REELFF_VENC_MAX_BITRATE = 11,   /**< bits per second, 0 = none (VBR/CRF caps; CBR = BITRATE) */
    REELFF_VENC_BUFFER_SIZE = 12,   /**< VBV/HRD buffer in bits, 0 = default */
    REELFF_VENC_KEYINT = 13,        /**< frames between keyframes, 0 = the encoder's (250),
                                         1 to 100000 */
    REELFF_VENC_B_FRAMES = 14,      /**< consecutive B-frames: -1 = the preset's (default),
                                         0 = off, 1 to 16 */
    REELFF_VENC_LOW_LATENCY = 15,   /**< 1: no lookahead, no B-frames, no frame threading
                                         delay (x264/x265 tune zerolatency; nvenc zerolatency,
                                         no delay; qsv no lookahead). Default 0 */
    REELFF_VENC_THREADS = 16,       /**< 0 = the encoder's choice (default), 1 to 64 */
    REELFF_VENC_GLOBAL_HEADER = 17, /**< 1 (default): parameter sets in the extradata only
                                         (MP4/MKV); 0: in-band before every keyframe (Annex B
                                         streams, IVF-like raw files) */
    REELFF_VENC_LEVEL = 18          /**< level x 10 (H.264 41 = 4.1; HEVC 51 = 5.1 ); 0 auto */
} reelff_video_encoder_int_t;

/** String settings (reelff_video_encoder_set_string), before open. */
typedef enum reelff_video_encoder_string_t {
    REELFF_VENC_PROFILE = 1, /**< "baseline", "main", "high", "high10", "main10", ... as the
                                  encoder knows them; NULL or "" = auto */
    REELFF_VENC_PRESET = 2,  /**< "ultrafast".."placebo" (x264/x265), "p1".."p7" (nvenc),
                                  "veryfast".."veryslow" (qsv); NULL = the encoder's default */
    REELFF_VENC_TUNE = 3     /**< "film", "animation", "zerolatency", ... (x264/x265) */
} reelff_video_encoder_string_t;

/** Creates an encoder to configure.
 *  @param encoder_name  a libavcodec encoder name: "libx264", "libx265", "h264_nvenc",
 *                       "hevc_nvenc", "h264_vaapi", "hevc_vaapi", "h264_qsv", "hevc_qsv".
 *  @param done, user    called once per sent frame when the encoder lets go of it (required).
 *  @param out           receives the encoder; the caller owns it.
 *  @return 0; AVERROR(EINVAL) for NULL; REELFF_ERROR_UNSUPPORTED when this build lacks the
 *          encoder or the shim does not drive it (the message lists those it drives). */
REELFF_API int reelff_video_encoder_create(const char *encoder_name, reelff_frame_done_fn done,
                                           void *user, reelff_video_encoder **out);

/** Sets an integer setting.
 *  On an open encoder only REELFF_VENC_BITRATE, _MAX_BITRATE and _BUFFER_SIZE may change,
 *  and only where the wrapper reconfigures a live encoder (FFmpeg 5.1: libx264 in VBR, CBR
 *  and capped CRF -- it calls x264_encoder_reconfig on the next frame; h264/hevc_nvenc
 *  when the GPU reports dynamic bitrate change). Others give REELFF_ERROR_UNSUPPORTED
 *  ("libx265 in FFmpeg 5.1 cannot change the bitrate of an open encoder").
 *  @return 0; AVERROR(EINVAL) for an unknown key or a value out of range (named);
 *          REELFF_ERROR_UNSUPPORTED for a value the encoder cannot honour (named). */
REELFF_API int reelff_video_encoder_set_int(reelff_video_encoder *encoder, int key, int64_t value);

/** Sets a string setting (copied). @return as reelff_video_encoder_set_int; after open
 *  REELFF_ERROR_BAD_STATE. */
REELFF_API int reelff_video_encoder_set_string(reelff_video_encoder *encoder, int key,
                                               const char *value);

/** Checks the settings against the encoder and opens it (avcodec_open2; for VA-API also the
 *  device and a frames context).
 *  @return 0; REELFF_ERROR_UNSUPPORTED naming the setting the encoder cannot honour (a
 *          profile it does not know or that excludes the pixel format or B-frames, a pixel
 *          format it does not list, a rate control it lacks); AVERROR(EINVAL) naming a
 *          missing or inconsistent setting; for hardware encoders the device error
 *          ("h264_nvenc: Cannot load libcuda.so.1"); REELFF_ERROR_BAD_STATE when open. */
REELFF_API int reelff_video_encoder_open(reelff_video_encoder *encoder);

/** The codec configuration after open: Annex B parameter sets (SPS/PPS, VPS/SPS/PPS with
 *  start codes) as libx264/libx265 emit them; libavformat turns them into avcC/hvcC.
 *  Empty (NULL, 0) with REELFF_VENC_GLOBAL_HEADER 0.
 *  @return 0; AVERROR(EINVAL); REELFF_ERROR_BAD_STATE before open. */
REELFF_API int reelff_video_encoder_extradata(const reelff_video_encoder *encoder,
                                              const uint8_t **data, int *size);

/** Frame flags for send_frame. */
#define REELFF_FRAME_FORCE_KEYFRAME 0x1 /**< make this frame an IDR picture */

/** Sends one picture wrapping the host's planes (no copy).
 *  @param planes   2 (NV12/P010) or 3 (I420/I010) plane pointers of the encoder's pixel
 *                  format and size; read by the encoder until done(cookie).
 *  @param strides  byte strides of those planes, each at least the row's bytes.
 *  @param pts      in the encoder's time base, above the previous frame's.
 *  @param flags    REELFF_FRAME_FORCE_KEYFRAME or 0.
 *  @param cookie   the host's token, given back to done; may be NULL.
 *  Packets the frame completes are queued for receive at once, so send_frame never answers
 *  REELFF_ERROR_AGAIN.
 *  @return 0 (done will be called for cookie exactly once); AVERROR(EINVAL) naming the bad
 *          plane, stride, pts or flags (done is not called); REELFF_ERROR_BAD_STATE before
 *          open or after flush (done is not called); encoder errors (done has then been
 *          called). */
REELFF_API int reelff_video_encoder_send_frame(reelff_video_encoder *encoder,
                                               const uint8_t *const *planes,
                                               const int32_t *strides, int64_t pts, int flags,
                                               void *cookie);

/** Ends the input; receive returns the remaining packets, then REELFF_ERROR_EOF.
 *  @return 0; REELFF_ERROR_BAD_STATE before open or when flushed already. */
REELFF_API int reelff_video_encoder_flush(reelff_video_encoder *encoder);

/** Takes the next packet.
 *  @param data       receives the bytes (Annex B), owned by the encoder, valid until the next
 *                    receive or destroy.
 *  @param size       receives the size.
 *  @param pts, dts   receive timestamps in the encoder's time base (dts <= pts with B-frames,
 *                    and may start negative).
 *  @param flags      receives REELFF_PACKET_KEYFRAME for IDR packets.
 *  pts, dts and flags may be NULL.
 *  @return 0; REELFF_ERROR_AGAIN; REELFF_ERROR_EOF after flush when drained. */
REELFF_API int reelff_video_encoder_receive(reelff_video_encoder *encoder, const uint8_t **data,
                                            int *size, int64_t *pts, int64_t *dts, int *flags);

/** Counters. @param frames_sent, frames_done (done callbacks so far), packets, bytes;
 *  @param reconfigurations live bitrate changes applied. Each may be NULL.
 *  @return 0; AVERROR(EINVAL). */
REELFF_API int reelff_video_encoder_stats(const reelff_video_encoder *encoder,
                                          int64_t *frames_sent, int64_t *frames_done,
                                          int64_t *packets, int64_t *bytes,
                                          int64_t *reconfigurations);

/** Frees the encoder; frames still held are released (done runs) before it returns.
 *  Accepts NULL. */
REELFF_API void reelff_video_encoder_destroy(reelff_video_encoder *encoder);

/* -------------------------------------------------------------------------------------
 * 11. Hardware probe
 *
 * What the hardware libavcodec wraps can do on this machine, found by trying: a device
 * context (av_hwdevice_ctx_create), and per codec whether the hardware encoder or decoder
 * opens on it. Nothing is assumed from the build alone. A failure reason names what is
 * missing: "no /dev/dri/renderD* node", "libcuda.so.1 not found", "h264_nvenc: Cannot load
 * libnvidia-encode.so.1". Probes are slow (milliseconds to seconds): call once.
 */

/** Hardware device types. */
typedef enum reelff_hw_type_t {
    REELFF_HW_VAAPI = 1,  /**< VA-API on a DRM render node */
    REELFF_HW_CUDA = 2,   /**< NVIDIA CUDA (NVDEC via cuvid / the cuda hwaccel, NVENC) */
    REELFF_HW_QSV = 3,    /**< Intel Quick Sync (libmfx over VA-API on Linux) */
    REELFF_HW_VULKAN = 4  /**< FFmpeg's Vulkan device (hwupload/filters; no Vulkan Video in 5.1) */
} reelff_hw_type_t;

/** @return the FFmpeg name of a reelff_hw_type_t ("vaapi", "cuda", "qsv", "vulkan") or "". */
REELFF_API const char *reelff_hw_type_name(int type);

/** Tries to create a device context of type (and frees it). Checks first what FFmpeg would
 *  need (a /dev/dri render node and libva.so.2 for VA-API and QSV, libcuda.so.1 for CUDA,
 *  libvulkan.so.1 for Vulkan) so the reason names it.
 *  @return 0 when usable; REELFF_ERROR_UNSUPPORTED with reelff_last_error() giving the reason
 *          when not; AVERROR(EINVAL) for an unknown type. Thread-safe. */
REELFF_API int reelff_hw_device_probe(int type);

/** Tries a hardware codec: the device it needs, then opening it on a 256x256 NV12/yuv420p
 *  stream (encoders) or on its own (decoders).
 *  @param codec_name  a libavcodec codec name ("h264_nvenc", "hevc_vaapi", "h264_cuvid",
 *                     "h264_qsv", ...).
 *  @param encoder     1 for an encoder, 0 for a decoder.
 *  @return 0 when usable; REELFF_ERROR_UNSUPPORTED with the reason in reelff_last_error()
 *          ("h264_nvenc: this FFmpeg has no such encoder", "h264_nvenc: libcuda.so.1 not
 *          found"); AVERROR(EINVAL) for NULL. Thread-safe. */
REELFF_API int reelff_hw_codec_probe(const char *codec_name, int encoder);

/** Memory a hardware frames context would hold: pool_size surfaces of the software format
 *  (av_image_get_buffer_size at 64-byte alignment of the size rounded up to 64x64, the
 *  usual surface granularity) -- an estimate, drivers may pad more. Reel charges it to its
 *  DEVICE category.
 *  @param pixel_format  REELFF_PIXEL_NV12, _P010, _I420 or _I010.
 *  @param width, height 1 to 16384.  @param pool_size 1 to 1024.
 *  @param bytes         receives the estimate.
 *  @return 0; AVERROR(EINVAL) naming the argument. Thread-safe. */
REELFF_API int reelff_hw_frames_estimate(int pixel_format, int width, int height, int pool_size,
                                         int64_t *bytes);

#ifdef __cplusplus
}
#endif

#endif /* REEL_FFMPEG_H */
