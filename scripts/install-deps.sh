#!/usr/bin/env bash
# Installs what SecureBase needs to build, test and run, from Debian 12 packages only.
# Safe to run repeatedly: when every package is present it does nothing (no apt-get update, no root needed).
# Runs as root, or through sudo when invoked by another user.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # GUI: Qt 6 Widgets, Multimedia (audio out), Charts, SVG, translations
  qt6-base-dev libqt6opengl6-dev qt6-multimedia-dev qt6-charts-dev qt6-svg-dev qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
  # media: FFmpeg libraries for decoding; the ffmpeg tool generates test media
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev libswresample-dev ffmpeg
  # image analysis, storage, caches
  libopencv-dev opencv-data libsqlite3-dev libboost-serialization-dev
  # plumbing libraries
  libcli11-dev libfmt-dev nlohmann-json3-dev
  # tests and benchmarks (opencv-doc: the photographs the face-blur tests make their video from;
  # poppler-utils: pdftotext/pdftoppm read back the reliability certificate's PDF)
  libgtest-dev libgmock-dev libbenchmark-dev opencv-doc poppler-utils
  # a font that covers Persian, the Persian locale's source for the i18n tests, a headless X server
  fonts-noto-core locales xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}" >&2
sudo=()
if [[ $(id -u) != 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
