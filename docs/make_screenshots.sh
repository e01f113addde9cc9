#!/bin/sh
# Regenerates the screenshots in docs/ (used by the README): a demo voice library on the tiny test
# model (tests/fixtures/tiny_csm), then `csm-studio --screenshot` under xvfb-run, which walks every
# page (an audition and an A/B round included) and the dialogs.
#   docs/make_screenshots.sh [BUILD_DIR]        (needs the csm and csm-studio targets built)
# CSM_SCREENSHOT_LANGUAGE=de and CSM_SCREENSHOT_DIR=/tmp/x look at another language elsewhere.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
FIX=$ROOT/tests/fixtures
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
LIB=$WORK/voices
CSM="$BUILD/bin/csm"
"$CSM" voice create "Ann" 1 "Warm, calm narrator" --library "$LIB" --model-path "$FIX/tiny_csm" \
  --gender female --age-range 30-40 --accent British --own-voice >/dev/null
"$CSM" voice create "Ben" 2 "Evening news voice" --library "$LIB" --model-path "$FIX/tiny_csm" \
  --gender male --age-range 40-50 --accent "US General" --style newsreader \
  --consent-person "Ben Miller" --consent-text "I agree that CSM Studio may clone my voice for this project." >/dev/null
"$CSM" voice create "Chloé" 3 "Bright and quick" --library "$LIB" --model-path "$FIX/tiny_csm" \
  --gender female --age-range 20-30 --accent French --language fr --own-voice >/dev/null
# A voice whose model went away, and a profile.json that does not read: both shown with why.
cp -r "$FIX/tiny_csm" "$WORK/old-model"
"$CSM" voice create "Dora" 5 "Trained on the old laptop" --library "$LIB" --model-path "$WORK/old-model" --own-voice >/dev/null
rm -rf "$WORK/old-model"
mkdir -p "$LIB/7" && printf '{ "name": "Eve", ' > "$LIB/7/profile.json"
cat > "$WORK/settings.ini" <<INI
[library]
folder=$LIB
[models]
baseFolder=$FIX/tokenizer
INI
export XDG_CONFIG_HOME="$WORK/config"   # the demo's watermark key, not the user's
xvfb-run -a -s "-screen 0 1280x900x24" "$BUILD/bin/csm-studio" --settings "$WORK/settings.ini" \
  --language "${CSM_SCREENSHOT_LANGUAGE:-en}" --screenshot "${CSM_SCREENSHOT_DIR:-$ROOT/docs/screenshots}"
