#!/usr/bin/env bash
# Installs the Debian 12 packages tonelint needs, only those that are missing.
# Safe to run again: it does nothing when everything is present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config   # compiler and build system
  libicu-dev                         # UTF-8, normalization, sentence/word breaking, emoji properties
  libmecab-dev mecab-ipadic-utf8     # Japanese morphological analysis and its dictionary
  mecab-utils                        # mecab-dict-index: compiles the brand-name user dictionary
  mecab                              # the raw `mecab` command the benchmark compares against
  wamerican                          # English word list: tells a SHOUTED word from an acronym or a name
  libyaml-cpp-dev                    # tone guides, config and Markdown front matter
  libmd4c-dev                        # Markdown parser with source offsets
  libgumbo-dev                       # HTML5 parser with source offsets (HTML drafts, HTML e-mail parts)
  libstemmer-dev                     # English stems (Snowball) for inflection-insensitive matching
  libcli11-dev                       # command-line parsing
  nlohmann-json3-dev                 # JSON output
  libcpp-httplib-dev                 # HTTP server of `tonelint serve` (Debian's build links OpenSSL, zlib, brotli; pulls their -dev packages)
  googletest libgtest-dev libgmock-dev  # unit and fixture tests (through CTest)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
