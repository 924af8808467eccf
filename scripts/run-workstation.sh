#!/usr/bin/env bash
# Installs what is missing, builds, and opens the bundled sample session in the workstation.
# The sample project (build/sample/ssp-sample.sbproj: the Strange Situation scheme and the
# sample clip) is made on first run with securebase-cli, the same tool scripts use.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j "$(nproc)" --target securebase securebase-cli
cli=./build/app/cli/securebase-cli
project=build/sample/ssp-sample.sbproj
if [[ ! -f $project ]]; then
  mkdir -p build/sample
  $cli project create "$project" --scheme samples/schemes/strange-situation.json
  $cli session add "$project" --name "Sample clip" --media "$PWD/samples/media/ssp-sample.mp4"
  $cli coder add "$project" --name trainee --role coder
  $cli coder add "$project" --name supervisor --role supervisor
fi
exec ./build/app/gui/securebase "$project" --coder trainee
