#include "util/yaml_guard.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>
#include <vector>

namespace tonelint {
namespace {

struct Exceeded {
  YAML::Mark mark;
  bool bytes;
};

// Counts the nodes (and scalar bytes) of each document as if every alias were a copy.
class ExpansionCounter : public YAML::EventHandler {
 public:
  ExpansionCounter(std::uint64_t max_nodes, std::uint64_t max_bytes) : max_nodes_(max_nodes), max_bytes_(max_bytes) {}

  void OnDocumentStart(const YAML::Mark&) override {
    sizes_.clear();
    open_.clear();
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor, 0); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    leaf(mark, anchor, value.size());
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = sizes_.find(anchor);
    if (it == sizes_.end()) return;  // an alias inside its own anchor: yaml-cpp rejects it
    add(mark, it->second.nodes, it->second.bytes);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Size {
    std::uint64_t nodes = 0, bytes = 0;
  };
  struct Open {
    YAML::anchor_t anchor;
    Size start;
  };

  void add(const YAML::Mark& mark, std::uint64_t nodes, std::uint64_t bytes) {
    total_.nodes += nodes;
    total_.bytes += bytes;
    if (total_.nodes > max_nodes_) throw Exceeded{mark, false};
    if (total_.bytes > max_bytes_) throw Exceeded{mark, true};
  }
  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor, std::uint64_t bytes) {
    add(mark, 1, bytes);
    if (anchor != YAML::NullAnchor) sizes_[anchor] = Size{1, bytes};
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    open_.push_back(Open{anchor, total_});
    add(mark, 1, 0);
  }
  void close() {
    if (open_.empty()) return;
    const Open o = open_.back();
    open_.pop_back();
    if (o.anchor != YAML::NullAnchor) sizes_[o.anchor] = Size{total_.nodes - o.start.nodes, total_.bytes - o.start.bytes};
  }

  std::uint64_t max_nodes_, max_bytes_;
  Size total_;
  std::unordered_map<YAML::anchor_t, Size> sizes_;
  std::vector<Open> open_;
};

}  // namespace

std::optional<YamlBomb> find_yaml_bomb(std::string_view text, std::uint64_t max_nodes, std::uint64_t max_bytes) {
  // Cheap exit: without an alias nothing expands.
  if (text.find('*') == std::string_view::npos) return std::nullopt;
  std::istringstream in{std::string(text)};
  ExpansionCounter counter(max_nodes, max_bytes);
  try {
    // The first document only, as YAML::Load reads: on some broken input yaml-cpp's parser
    // goes on returning empty documents forever (found by fuzz_input_markdown).
    YAML::Parser parser(in);
    parser.HandleNextDocument(counter);
  } catch (const Exceeded& e) {
    return YamlBomb{e.mark, e.bytes ? "YAML aliases expand to more than " + std::to_string(max_bytes >> 20) +
                                          " MiB of text (an alias bomb?); refused"
                                    : "YAML aliases expand to more than " + std::to_string(max_nodes) +
                                          " nodes (an alias bomb?); refused"};
  } catch (const YAML::Exception&) {
    return std::nullopt;  // YAML::Load reports it, with its position
  }
  return std::nullopt;
}

}  // namespace tonelint
