#!/usr/bin/env bash
# Installs what is missing, builds, and opens the bundled sample session.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j "$(nproc)"
sample=samples/media/ssp-sample.mp4
# Until the workstation window lands (issue 4), show what the media engine sees in the sample
# and write its first frames where you can look at them.
./build/app/cli/securebase-cli probe "$sample"
./build/app/cli/securebase-cli frame "$sample" --index 0,150,299 --out build/sample-frames
echo "frames written to build/sample-frames/"
