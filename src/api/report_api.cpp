// The public ReportWriter over the report table (report/report_format.h): each CheckResult
// becomes the FileEntry the CLI's writers read, so the bytes are the CLI's.
#include "tonelint/report.h"

#include <array>
#include <new>
#include <ostream>
#include <sstream>

#include "api/api_internal.h"
#include "report/report.h"
#include "report/json_report.h"
#include "report/report_format.h"

#ifndef TONELINT_VERSION
#define TONELINT_VERSION "unknown"
#endif

namespace tonelint {

static_assert(kReportedFindingsPerFile == report::kMaxFindingsPerFile, "the public bound is the report's");
namespace {

Level level_of(Severity severity) {
  switch (severity) {
    case Severity::kError: return Level::kError;
    case Severity::kWarning: return Level::kWarning;
    case Severity::kSuggestion: return Level::kSuggestion;
  }
  return Level::kError;
}

Status unknown_format(std::string_view format) {
  return Status(ErrorCode::kInvalidArgument,
                "unknown report format '" + std::string(format) + "' (expected " + report::report_format_list() + ")",
                Location{"format"});
}

Status stream_failed() { return Status(ErrorCode::kIo, "cannot write the report: the output stream failed"); }

// The boundary of the API: what a writer throws (out of memory, a JSON library error)
// comes back as a Status.
template <typename Body>
Status guarded(Body&& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Status(ErrorCode::kTooLarge, "out of memory while writing the report");
  } catch (const std::exception& e) {
    return Status(ErrorCode::kInternal, std::string("internal error: ") + e.what());
  }
}

}  // namespace

struct ReportWriter::Impl {
  const report::ReportFormat* format = nullptr;
  std::string name, mime_type;
  std::ostream* out = nullptr;
  std::shared_ptr<const ToneGuide> guide;  // keeps the Guide that `writer` points to alive
  std::unique_ptr<report::ReportWriter> writer;
  report::JsonSummary summary;
  bool finished = false;
};

std::vector<ReportFormatInfo> report_formats() {
  std::vector<ReportFormatInfo> out;
  for (const report::ReportFormat& f : report::report_formats()) {
    out.push_back({std::string(f.name), std::string(f.description), std::string(f.mime_type), f.line_oriented});
  }
  return out;
}

Result<ReportWriter> ReportWriter::create(std::string_view format, std::ostream& out, const ReportOptions& options) {
  const report::ReportFormat* row = report::find_report_format(format);
  if (row == nullptr) return unknown_format(format);
  try {
    auto impl = std::make_unique<Impl>();
    impl->format = row;
    impl->name = std::string(row->name);
    impl->mime_type = std::string(row->mime_type);
    impl->out = &out;
    impl->guide = options.guide;
    report::RunInfo run;
    run.guide = options.guide ? options.guide->impl().guide.get() : nullptr;
    run.version = options.version.empty() ? TONELINT_VERSION : options.version;
    run.fail_on = level_of(options.fail_on);
    run.style = options.style;
    impl->writer = row->make(out, run);  // may write the report's header
    if (out.fail()) return stream_failed();
    return ReportWriter(std::move(impl));
  } catch (const std::bad_alloc&) {
    return Status(ErrorCode::kTooLarge, "out of memory while starting the report");
  } catch (const std::exception& e) {
    return Status(ErrorCode::kInternal, std::string("internal error: ") + e.what());
  }
}

Status ReportWriter::add(const CheckResult& result) { return add(result, ReportEntry{}); }

Status ReportWriter::add(const CheckResult& result, const ReportEntry& extra) {
  if (impl_->finished) return Status(ErrorCode::kInvalidArgument, "the report is finished: nothing can be added");
  if (!result.state || !result.state->source) {
    return Status(ErrorCode::kInvalidArgument, "a CheckResult with no report (not made by Checker::check)");
  }
  return guarded([&] {
    const CheckState& state = *result.state;
    impl_->summary.add(state.report, state.report.result.dropped);
    if (!extra.write) return Status();
    report::FileEntry entry;
    entry.path = std::string(state.source->path());
    entry.source = state.source.get();
    entry.report = &state.report;
    if (extra.guide) entry.guide = extra.guide->impl().guide.get();
    if (extra.fail_on) entry.fail_on = level_of(*extra.fail_on);
    entry.dropped = static_cast<std::size_t>(state.report.result.dropped.total());
    entry.fixes = state.fixes;
    std::array<std::string, kDimensionCount> patterns;
    if (!extra.config_path.empty()) {
      entry.config_path = extra.config_path;
      for (const ConfiguredValue& v : extra.configured) {
        for (std::size_t d = 0; d < kDimensionCount; ++d) {
          if (v.dimension == kDimensionNames[d]) patterns[d] = v.pattern;
        }
      }
      entry.config_patterns = &patterns;
    }
    impl_->writer->add_file(entry);
    return impl_->out->fail() ? stream_failed() : Status();
  });
}

void ReportWriter::add_refused() { impl_->summary.add_refused(); }
void ReportWriter::add_skipped() { impl_->summary.add_skipped(); }

ReportSummary ReportWriter::summary() const {
  const report::JsonSummary& s = impl_->summary;
  ReportSummary out;
  out.files = s.files();
  out.refused = s.refused();
  out.skipped = s.skipped();
  out.errors = static_cast<std::size_t>(s.errors());
  out.warnings = static_cast<std::size_t>(s.warnings());
  out.suggestions = static_cast<std::size_t>(s.suggestions());
  out.score = s.score();
  return out;
}

Status ReportWriter::finish() {
  if (impl_->finished) return Status(ErrorCode::kInvalidArgument, "the report is already finished");
  impl_->finished = true;
  return guarded([&] {
    Status s = impl_->writer->finish(impl_->summary);
    if (!s.ok()) return s;
    impl_->out->flush();
    return impl_->out->fail() ? stream_failed() : Status();
  });
}

const std::string& ReportWriter::format() const { return impl_->name; }
const std::string& ReportWriter::mime_type() const { return impl_->mime_type; }

ReportWriter::ReportWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReportWriter::ReportWriter(ReportWriter&&) noexcept = default;
ReportWriter& ReportWriter::operator=(ReportWriter&&) noexcept = default;
ReportWriter::~ReportWriter() = default;

Result<std::string> render_report(std::string_view format, std::span<const CheckResult> results,
                                  const ReportOptions& options) {
  try {
    std::ostringstream out;
    auto writer = ReportWriter::create(format, out, options);
    if (!writer.ok()) return writer.status();
    for (const CheckResult& result : results) {
      if (Status s = writer->add(result); !s.ok()) return s;
    }
    if (Status s = writer->finish(); !s.ok()) return s;
    return std::move(out).str();
  } catch (const std::bad_alloc&) {
    return Status(ErrorCode::kTooLarge, "out of memory while writing the report");
  }
}

}  // namespace tonelint
