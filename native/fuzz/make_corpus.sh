#!/usr/bin/env bash
# Regenerates the committed seed corpora of the libFuzzer harnesses (native/fuzz/corpus/) and of
# the managed SharpFuzz targets (tests/Reel.Fuzz/corpus/) from Reel's own encoder and FFmpeg.
# Run after build/build.sh; the seeds are small on purpose (a few files, < 1 KiB each).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
reel="$root/artifacts/bin/reel"
c="$here/corpus"
m="$root/tests/Reel.Fuzz/corpus"
rm -rf "$c" "$m"
mkdir -p "$c"/{ivf_reader,y4m_reader,av1_random_access,decoder,api_sequence,ffmpeg_demuxer} "$m"/{ivf,y4m,obu,pool,decoder}

# IVF: Reel's encoder (SVT-AV1), FFmpeg's libaom, and a file cut inside its second frame.
"$reel" encode --pattern 64x64 --frames 4 --keyint 2 --preset low --quiet -o "$c/ivf_reader/reel-64x64-4f.ivf"
"$reel" encode --pattern 128x64 --frames 1 --preset low --quiet -o "$c/ivf_reader/reel-128x64-1f.ivf"
ffmpeg -v error -f lavfi -i testsrc2=size=64x48 -frames:v 3 -c:v libaom-av1 -cpu-used 8 -g 2 -y "$c/ivf_reader/aom-64x48-3f.ivf"
ffmpeg -v error -f lavfi -i testsrc2=size=32x32 -frames:v 6 -c:v libaom-av1 -cpu-used 8 -g 3 -y "$c/av1_random_access/aom-32x32-6f-gop3.ivf"
head -c 150 "$c/ivf_reader/reel-64x64-4f.ivf" > "$c/ivf_reader/truncated.ivf"
cp "$c/ivf_reader/reel-64x64-4f.ivf" "$c/ivf_reader/aom-64x48-3f.ivf" "$c/av1_random_access/"

# Y4M: FFmpeg's test sources (odd size, NTSC rate), every tag, an unsupported chroma format.
ffmpeg -v error -f lavfi -i testsrc=size=16x16 -frames:v 2 -pix_fmt yuv420p -y "$c/y4m_reader/testsrc-16x16-2f.y4m"
ffmpeg -v error -f lavfi -i testsrc=size=17x9:rate=30000/1001 -frames:v 1 -pix_fmt yuv420p -y "$c/y4m_reader/testsrc-17x9-ntsc.y4m"
printf 'YUV4MPEG2 W4 H2 F25:1 Ip A1:1 C420mpeg2 XYSCSS=420MPEG2\nFRAME\nAAAAAAAABBCC\nFRAME Ixyz\nDDDDDDDDEEFF\n' > "$c/y4m_reader/tags-4x2.y4m"
printf 'YUV4MPEG2 W4 H2 C422\nFRAME\n' > "$c/y4m_reader/unsupported-422.y4m"

# Containers for the FFmpeg shim's demuxer: AV1 with Opus in fragmented MP4, WebM and Matroska
# (cues), AAC in a faststart MP4, a WAV, and an MP4 cut inside its first fragment.
d="$c/ffmpeg_demuxer"
av=(-f lavfi -i testsrc2=size=32x32:rate=10 -f lavfi -i sine=frequency=440:sample_rate=48000 -t 0.2)
ffmpeg -v error "${av[@]}" -c:v libaom-av1 -cpu-used 8 -g 2 -c:a libopus -b:a 12k -ac 1 \
  -movflags +frag_keyframe+empty_moov -y "$d/av1-opus-frag.mp4"
ffmpeg -v error "${av[@]}" -c:v libaom-av1 -cpu-used 8 -g 2 -c:a libopus -b:a 12k -ac 1 -y "$d/av1-opus.webm"
ffmpeg -v error "${av[@]}" -c:v libaom-av1 -cpu-used 8 -g 2 -c:a libopus -b:a 12k -ac 1 -y "$d/av1-opus.mkv"
ffmpeg -v error -f lavfi -i sine=frequency=440:sample_rate=8000 -t 0.05 -c:a aac -b:a 8k -movflags +faststart -y "$d/aac-faststart.mp4"
ffmpeg -v error -f lavfi -i sine=frequency=440:sample_rate=8000 -t 0.02 -ac 2 -c:a pcm_s16le -y "$d/s16-stereo.wav"
head -c 700 "$d/av1-opus-frag.mp4" > "$d/truncated.mp4"

# Decoder records (see decoder_fuzzer.c): the temporal units of the IVF seeds, each submitted
# and received, then a flush; the first byte picks 1 thread, frame delay 1, 2 frames held.
python3 - "$c" <<'PY'
import struct, sys, os
c = sys.argv[1]
def units(path):
    data = open(path, 'rb').read()
    at = struct.unpack_from('<H', data, 6)[0]
    while at + 12 <= len(data):
        size = struct.unpack_from('<I', data, at)[0]
        yield data[at + 12:at + 12 + size]
        at += 12 + size
for name in ('reel-64x64-4f.ivf', 'aom-64x48-3f.ivf'):
    out = bytearray([0x04])
    for unit in units(os.path.join(c, 'ivf_reader', name)):
        out += bytes([0x80]) + struct.pack('<H', len(unit)) + unit
    out += bytes([13, 0, 0])
    open(os.path.join(c, 'decoder', name.replace('.ivf', '.records')), 'wb').write(out)
# API sequences (see api_sequence_fuzzer.c): pools of each kind, acquires, retains, releases,
# a stale release, a forged handle, the cache, deferred release, a destroy with buffers out.
seqs = {
    'pools-and-buffers': [0, 0x23, 0x40, 0x35, 3, 0, 4, 0, 5, 0, 11, 0, 7, 1, 6, 0, 6, 0, 0x18, 0, 3,
                          1, 0x11, 0x22, 0x05, 4, 1, 11, 0, 0x40, 0, 0, 2, 0x13, 0x31, 0x05, 3, 2, 0x00, 0x10, 9, 0, 15],
    'cache-and-deferred': [0, 0x07, 0x00, 0x21, 3, 0, 3, 0, 12, 0x09, 0, 12, 0x00, 5, 0, 12, 0x01, 5,
                           12, 0x03, 0, 13 | 0x10, 1, 2, 13, 13, 13, 12, 0x46, 0],
    'forged-and-destroyed': [2, 0x03, 0, 0, 4, 0, 0x00, 0x20, 0x08 | 0x20, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0,
                             9, 0, 8, 0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 1, 3, 10, 0, 1, 0xFF],
    'decoder': [14, 0, 14, 0x30, 0x12, 0, 0x0a, 0x0b, 14, 1, 14, 6, 14, 1, 14, 3],
}
for name, ops in seqs.items():
    open(os.path.join(c, 'api_sequence', name + '.ops'), 'wb').write(bytes(ops))
PY
# Managed targets (tests/Reel.Fuzz): the same files for ivf, y4m and decoder; single temporal
# units for obu; operation bytes for pool.
cp "$c"/ivf_reader/*.ivf "$m/ivf/"
cp "$c"/y4m_reader/*.y4m "$m/y4m/"
cp "$c"/decoder/* "$m/decoder/"
python3 - "$c" "$m" <<'PY'
import struct, sys, os
c, m = sys.argv[1], sys.argv[2]
data = open(os.path.join(c, 'ivf_reader', 'aom-64x48-3f.ivf'), 'rb').read()
at, n = 32, 0
while at + 12 <= len(data) and n < 3:
    size = struct.unpack_from('<I', data, at)[0]
    open(os.path.join(m, 'obu', f'aom-tu{n}.obu'), 'wb').write(data[at + 12:at + 12 + size])
    at += 12 + size
    n += 1
ops = {
    'pools-buffers': [0, 0x12, 0x05, 0x00, 1, 0, 2, 0, 3, 0, 4, 0, 5, 1, 6, 0x10, 0, 0, 0x31, 0x22, 0x02, 1, 1, 0x40, 0, 7, 0, 4, 0, 8, 0, 1, 8, 1],
    'destroy-context': [0, 0x23, 0x11, 0x01, 1, 0, 1, 0, 3, 1, 0xFF],
}
for name, b in ops.items():
    open(os.path.join(m, 'pool', name + '.ops'), 'wb').write(bytes(b))
PY
echo "seeds: $(find "$c" "$m" -type f 2>/dev/null | wc -l) files"
