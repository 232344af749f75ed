// Guides loaded once and kept, reloadable while they are used: the guide cache every front
// end shares (the HTTP service's served guides, the language server's and the CLI's guides
// by path).
//
// Readers take a snapshot (an immutable list of loaded guides with their checkers) and use
// it to the end, so each request sees a guide entirely as it was or entirely as it is now.
// A reload builds the new guides beside the old ones and swaps the snapshot pointer. Guides
// that extend one base share it (and its word lists): the base is found again by the bytes
// of its files. A reload reads every file again, word lists included. Thread-safe.
//
//   auto library = tonelint::GuideLibrary::open({"guides/"}, dictionaries);  // the service
//   auto snapshot = (*library)->snapshot();           // per request
//   auto served = snapshot->find("acme");             // by id; "" the first
//   (*library)->reload(/*only_changed=*/true);        // on a timer, or all on SIGHUP
//
//   tonelint::GuideLibrary guides(dictionaries);      // by path (the LSP, the CLI)
//   auto guide = guides.load("docs/acme.yaml", /*reload_if_changed=*/true);
#pragma once

#include <cstdint>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "tonelint/checker.h"
#include "tonelint/status.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

// One guide file as last loaded: its checker, or why there is none.
struct LoadedGuide {
  std::string file;                         // the guide file, as given
  std::shared_ptr<const Checker> checker;   // null when the guide did not load
  // Why it did not load, as ToneGuide::load says it (the first error's file:line:column,
  // every other error in the message). OK when it loaded.
  Status status;
  // Each error of the guide file itself (empty when the guide loaded, or when what failed
  // was not the YAML: a missing dictionary, a FIFO in the guide's place).
  std::vector<Status> guide_errors;
  std::uint64_t generation = 0;  // 1 for the first load, +1 for each reload
  std::time_t loaded_at = 0;

  bool ok() const { return checker != nullptr; }
  const ToneGuide& guide() const { return checker->guide(); }  // only when ok()
};

struct GuideSnapshot {
  // Loaded guides only, in the order they were first loaded (open(): configuration order;
  // the first is the default).
  std::vector<std::shared_ptr<const LoadedGuide>> guides;
  // The guide with this id (empty: the default); null when there is none.
  std::shared_ptr<const LoadedGuide> find(const std::string& id) const;
};

struct ReloadReport {
  int reloaded = 0;
  std::vector<Status> refused;  // guides that failed to load (the old ones keep serving)
};

struct GuideLibraryOptions {
  // Guides loaded by path (load()) kept at most, the least recently used dropped first;
  // guides given to open() are always kept. Each costs its compiled rules.
  std::size_t kept_guides = 16;
  CheckerOptions checker_options;
};

class GuideLibrary {
 public:
  explicit GuideLibrary(std::shared_ptr<const Dictionaries> dictionaries, GuideLibraryOptions options = {});
  ~GuideLibrary();
  GuideLibrary(const GuideLibrary&) = delete;
  GuideLibrary& operator=(const GuideLibrary&) = delete;

  // A fixed set of guides to serve. `paths`: guide files, or folders whose *.yaml files are
  // guides (sorted by name). Every guide must load and ids must be unique; the error names
  // the file.
  static Result<std::unique_ptr<GuideLibrary>> open(const std::vector<std::string>& paths,
                                                    std::shared_ptr<const Dictionaries> dictionaries,
                                                    GuideLibraryOptions options = {});

  std::shared_ptr<const GuideSnapshot> snapshot() const;

  // The guide at `path`, loaded on first use and kept. With `reload_if_changed` a file
  // whose modification time or size changed since it was loaded is loaded again, and a
  // failed load replaces the old guide (the caller asked for the file as it is now). Never
  // null; see LoadedGuide::ok().
  std::shared_ptr<const LoadedGuide> load(const std::string& path, bool reload_if_changed);

  // Reloads the guides of open() (SIGHUP), or only those whose file changed since they
  // were loaded. A guide that fails to load, or whose id another guide has, is refused and
  // the old one keeps serving.
  ReloadReport reload(bool only_changed);

  const std::shared_ptr<const Dictionaries>& dictionaries() const;

  struct Impl;  // the library's own

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tonelint
