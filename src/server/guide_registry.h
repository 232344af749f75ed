// The guides a service serves: the public library's GuideLibrary (tonelint/guide_library.h),
// under the names the service has always used for it.
#pragma once

#include "tonelint/guide_library.h"

namespace tonelint::server {

using GuideRegistry = GuideLibrary;
using ServedGuide = LoadedGuide;
using GuideSnapshot = tonelint::GuideSnapshot;
using ReloadReport = tonelint::ReloadReport;

}  // namespace tonelint::server
