# CSM Studio — the two commands a fresh Debian 12 machine needs:
#   make demo   installs what is missing, builds, runs the main job on the embedded tiny model
#   make test   installs what is missing, builds, runs the whole CTest suite
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
PACKAGES := $(shell grep -v '^\#' packaging/debian-packages.txt)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test demo clean

deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@if [ -f tests/node/package-lock.json ] && [ ! -d tests/node/node_modules ]; then \
	  (cd tests/node && npm ci --no-audit --no-fund --loglevel=error) || echo "warning: npm ci failed; the Llama-3 vocabulary test will be skipped"; \
	fi

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) -j$(JOBS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

demo: build
	$(BUILD_DIR)/bin/csm demo --out $(BUILD_DIR)/demo-model --tokenizer tests/fixtures/tokenizer/tokenizer.json
	$(BUILD_DIR)/bin/csm generate --model-path tests/fixtures/tiny_csm --tokenizer tests/fixtures/tokenizer/tokenizer.json \
	  --text "Hello from CSM Studio." --speaker 0 --max-ms 2000 --out $(BUILD_DIR)/demo.wav
	$(BUILD_DIR)/bin/csm watermark verify $(BUILD_DIR)/demo.wav

clean:
	rm -rf $(BUILD_DIR)
