// JUnit XML: one test suite "tonelint", one test case per file (classname and name: the
// path). A file fails — one <failure> listing all its findings — when it has a finding at
// or above --fail-on; a file with findings only below that passes, its findings in
// <system-out>; a file with none passes.
//
// The suite's counts come first in the XML but are known only at the end, so the test
// cases are spooled to an anonymous temporary file (memory if none can be made) and
// copied out when the run is done.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "report/escape.h"
#include "report/report.h"

namespace tonelint::report {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

class JunitWriter : public ReportWriter {
 public:
  JunitWriter(std::ostream& out, RunInfo run) : out_(out), run_(std::move(run)), spool_(std::tmpfile()) {}

  void add_file(const FileEntry& file) override {
    ++tests_;
    bool failed = false;
    LevelCounts counts;
    // The listing is text a person reads (and CI logs echo): the name's control characters escaped.
    const std::string path = quote_name(file.path);
    std::string listing;
    for (const Diagnostic& d : file.report->result.diagnostics) {
      failed = failed || at_or_above(d.level, file.fail_on.value_or(run_.fail_on));
      counts.add(d.level);
      const Position p = file.source->position(d.offset);
      listing += path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + level_name(d.level) +
                 ": " + escape_controls(d.message) + also_at(*file.source, d) + " [" + escape_controls(d.rule) + "]\n";
    }
    if (file.dropped > 0) {
      listing += path + ": " + std::to_string(file.dropped) + " more findings not reported (at most " +
                 std::to_string(kMaxFindingsPerFile) + " a file)\n";
    }
    std::string text = "  <testcase classname=\"" + xml_escape(file.path) + "\" name=\"" + xml_escape(file.path) + "\">\n";
    if (failed) {
      ++failures_;
      auto plural = [](int n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); };
      const std::string summary = plural(counts.errors, "error") + ", " + plural(counts.warnings, "warning") + ", " +
                                  plural(counts.suggestions, "suggestion");
      text += "    <failure type=\"tonelint\" message=\"" + xml_escape(summary) + "\">\n" + xml_escape(listing, false) +
              "</failure>\n";
    } else if (!listing.empty()) {
      text += "    <system-out>\n" + xml_escape(listing, false) + "</system-out>\n";
    }
    text += "  </testcase>\n";
    spool(text);
  }

  Status finish(const JsonSummary&) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << "<testsuites name=\"tonelint\" tests=\"" << tests_ << "\" failures=\"" << failures_ << "\" errors=\"0\">\n"
         << "<testsuite name=\"tonelint\" tests=\"" << tests_ << "\" failures=\"" << failures_
         << "\" errors=\"0\" skipped=\"0\">\n";
    Status copied = copy_spool();
    out_ << "</testsuite>\n</testsuites>\n";
    return copied;
  }

 private:
  void spool(const std::string& text) {
    if (!spool_) {
      memory_ += text;
    } else if (spool_error_ == 0 && std::fwrite(text.data(), 1, text.size(), spool_.get()) != text.size()) {
      spool_error_ = errno != 0 ? errno : EIO;
    }
  }

  Status copy_spool() {
    if (!spool_) {
      out_ << memory_;
      return Status();
    }
    if (spool_error_ == 0 && (std::fflush(spool_.get()) != 0 || std::fseek(spool_.get(), 0, SEEK_SET) != 0)) {
      spool_error_ = errno != 0 ? errno : EIO;
    }
    char buffer[1 << 16];
    std::size_t n = 0;
    while (spool_error_ == 0 && (n = std::fread(buffer, 1, sizeof buffer, spool_.get())) > 0) out_.write(buffer, n);
    if (spool_error_ == 0 && std::ferror(spool_.get())) spool_error_ = errno != 0 ? errno : EIO;
    if (spool_error_ != 0) {
      return Status(ErrorCode::kIo, std::string("JUnit report: cannot write its temporary file: ") + std::strerror(spool_error_));
    }
    return Status();
  }

  std::ostream& out_;
  RunInfo run_;
  std::unique_ptr<std::FILE, FileCloser> spool_;
  int spool_error_ = 0;
  std::string memory_;  // the spool when no temporary file could be made
  std::size_t tests_ = 0;
  int failures_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> make_junit_writer(std::ostream& out, const RunInfo& run) {
  return std::make_unique<JunitWriter>(out, run);
}

}  // namespace tonelint::report
