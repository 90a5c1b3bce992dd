# Sourced by scripts/*: tools on PATH and trunk kept offline.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# trunk 0.21 asks crates.io for a newer trunk at every start; it takes only "true"/"false".
export TRUNK_SKIP_VERSION_CHECK=true
# wasm-bindgen-test-runner drives this exact Chromium through this exact driver.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
