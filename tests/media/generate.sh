#!/usr/bin/env bash
# Generates the test suite's media with Debian's ffmpeg, and FFmpeg's own frame digests
# (`-f framemd5`) for each, the oracle the frame-accuracy tests compare against.
# Usage: generate.sh OUT_DIR. Skips work already done (a stamp file per clip).
set -euo pipefail
out=$1
mkdir -p "$out"
cd "$out"
ff=(ffmpeg -nostdin -v error -y)
src() { echo "testsrc2=size=${1}:rate=${2}:duration=${3}"; }
tone() { echo "sine=frequency=440:sample_rate=${1}:duration=${2}"; }

# FFmpeg's view of a clip: each decoded frame's digest (framemd5) and time (ffprobe).
oracle() {
  "${ff[@]}" -i "$1" -map 0:v:0 -fps_mode passthrough -f framemd5 "$1.framemd5" 2>/dev/null || true
  ffprobe -v quiet -select_streams v:0 -show_entries frame=best_effort_timestamp_time -of csv=p=0 "$1" \
    > "$1.frametimes" 2>/dev/null || true
}

make_clip() { # name, then ffmpeg arguments
  local name=$1; shift
  [[ -f $name.done ]] && return 0
  "${ff[@]}" "$@" "$name"
  oracle "$name"
  touch "$name.done"
}

# H.264 with B-frames in MP4, AAC audio.
make_clip h264_bframes.mp4 -f lavfi -i "$(src 320x240 30 4)" -f lavfi -i "$(tone 48000 4)" \
  -c:v libx264 -preset veryfast -bf 3 -g 48 -pix_fmt yuv420p -c:a aac -shortest
# H.264, long open GOPs, in Matroska, MP3 audio.
make_clip h264_opengop.mkv -f lavfi -i "$(src 320x240 25 12)" -f lavfi -i "$(tone 44100 12)" \
  -c:v libx264 -preset veryfast -bf 3 -g 250 -x264-params open-gop=1 -c:a libmp3lame -shortest
# MPEG-4 Part 2 with B-frames in AVI (packets without pts), AC-3 audio.
make_clip mpeg4_bframes.avi -f lavfi -i "$(src 320x240 25 4)" -f lavfi -i "$(tone 48000 4)" \
  -c:v mpeg4 -bf 2 -g 25 -q:v 4 -c:a ac3 -shortest
# MJPEG in AVI with PCM audio.
make_clip mjpeg_pcm.avi -f lavfi -i "$(src 320x240 15 3)" -f lavfi -i "$(tone 22050 3)" \
  -c:v mjpeg -q:v 5 -c:a pcm_s16le -shortest
# VP9 in WebM, no audio.
make_clip vp9.webm -f lavfi -i "$(src 320x240 24 3)" -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -g 30 -b:v 300k
# 29.97 fps, the broadcast rate.
make_clip ntsc_2997.mp4 -f lavfi -i "$(src 320x240 30000/1001 3)" -c:v libx264 -preset veryfast -bf 2 -g 30
# Variable frame rate: frame intervals grow from 1/60 s to about 1/12 s.
make_clip vfr.mp4 -f lavfi -i "$(src 320x240 60 3)" -f lavfi -i "$(tone 48000 6)" \
  -vf "setpts='(N/60 + N*N/4000)/TB'" -fps_mode vfr -video_track_timescale 90000 \
  -c:v libx264 -preset veryfast -bf 2 -g 40 -c:a aac -shortest
# Audio only.
make_clip audio_only.m4a -f lavfi -i "$(tone 48000 3)" -c:a aac

# A transport stream cut in the middle of a GOP: its first frames cannot be decoded.
if [[ ! -f damaged_start.ts.done ]]; then
  "${ff[@]}" -f lavfi -i "$(src 320x240 25 6)" -c:v libx264 -preset veryfast -bf 3 -g 50 full.ts
  dd if=full.ts of=damaged_start.ts bs=188 skip=150 status=none
  oracle damaged_start.ts
  rm -f full.ts
  touch damaged_start.ts.done
fi
# An MP4 (moov first) cut off at 60 %: the end of the media data is missing.
if [[ ! -f truncated.mp4.done ]]; then
  "${ff[@]}" -f lavfi -i "$(src 320x240 25 4)" -c:v libx264 -preset veryfast -g 25 -movflags +faststart full.mp4
  head -c $(( $(stat -c %s full.mp4) * 6 / 10 )) full.mp4 > truncated.mp4
  oracle truncated.mp4
  rm -f full.mp4
  touch truncated.mp4.done
fi
# Text pretending to be a video.
printf 'This is not a video.\n' > not_a_video.mp4
