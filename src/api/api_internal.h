// What the public API's opaque parts hold: the engine's own objects.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lint/session.h"
#include "guide/guide.h"
#include "input/source_text.h"
#include "tokenize/mecab_model.h"
#include "tonelint/checker.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

struct Dictionaries::Impl {
  std::shared_ptr<const MecabModel> model;
};

struct ToneGuide::Impl {
  std::shared_ptr<const Guide> guide;
  std::shared_ptr<const Dictionaries> dictionaries;
  std::vector<ContextDimension> dimensions;
};

struct CheckState {
  std::unique_ptr<SourceText> source;  // the text as checked
  FileReport report;
  int fixes = 0;  // rewrites that made `source` (fix results)
};

}  // namespace tonelint
