// What a public GuideFile holds: the loader's Guide.
#pragma once

#include <memory>

#include "guide/guide.h"
#include "tonelint/guide_file.h"

namespace tonelint {

struct GuideFile::Impl {
  std::shared_ptr<const Guide> guide;
};

}  // namespace tonelint
