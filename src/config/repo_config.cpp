#include "config/repo_config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "extract/formats.h"
#include "guide/did_you_mean.h"
#include "guide/guide_names.h"
#include "guide/yaml_location.h"
#include "guide/yaml_schema.h"
#include "input/line_index.h"
#include "input/regular_file.h"
#include "input/utf8.h"
#include "util/yaml_depth.h"
#include "util/yaml_guard.h"

namespace tonelint {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kTopKeys = {"guide", "include", "exclude", "gitignore", "min_level", "fail_on", "contexts"};

// Reads one config, turning yaml-cpp's byte columns into code-point columns.
class ConfigParser {
 public:
  ConfigParser(std::string_view text, const fs::path& path) : text_(text), lines_(text_), path_(path.string()) {}

  Location where(const YAML::Mark& mark) const { return yaml_location(path_, lines_, mark); }
  Status error(const YAML::Node& at, std::string message) const {
    return Status(ErrorCode::kParse, std::move(message), where(at.Mark()));
  }

  // The first unknown key, if any.
  Status check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, std::string_view what) const {
    const auto unknown = unknown_keys(map, allowed, what);
    if (unknown.empty()) return {};
    return error(unknown.front().first, unknown.front().second);
  }

  // A pattern or a list of patterns.
  Status globs(const YAML::Node& node, std::string_view key, std::vector<Glob>* out) const {
    std::vector<YAML::Node> items;
    if (node.IsScalar()) {
      items.push_back(node);
    } else if (node.IsSequence()) {
      for (const auto& item : node) items.push_back(item);
    } else {
      return error(node, "'" + std::string(key) + "' is a path pattern or a list of them");
    }
    for (const YAML::Node& item : items) {
      if (!item.IsScalar()) return error(item, "'" + std::string(key) + "' lists path patterns (strings)");
      auto glob = Glob::compile(item.Scalar());
      if (!glob.ok()) return error(item, glob.status().message());
      out->push_back(std::move(*glob));
    }
    return {};
  }

  Result<Level> level(const YAML::Node& node, std::string_view key) const {
    const std::string value = node.IsScalar() ? node.Scalar() : "";
    if (auto level = parse_name(kLevelNames, value)) return *level;
    return error(node, "'" + std::string(key) + "' is error, warning or suggestion, not '" + value + "'" +
                           did_you_mean(value, names_of(kLevelNames)));
  }

 private:
  std::string_view text_;
  LineIndex lines_;
  std::string path_;
};

}  // namespace

bool is_draft_extension(const fs::path& path) {
  // The extensions are the input formats' (extract/formats.cpp).
  const std::string ext = path.extension().string();
  return ext.size() > 1 && extractor_for_extension(std::string_view(ext).substr(1)) != nullptr;
}

Result<RepoConfig> RepoConfig::parse(std::string_view text, const fs::path& path) {
  ConfigParser parser(text, path);
  RepoConfig config;
  std::error_code ec;
  config.path_ = fs::absolute(path, ec).lexically_normal();
  config.root_ = config.path_.parent_path();

  if (auto bomb = find_yaml_bomb(text)) return Status(ErrorCode::kTooLarge, bomb->message, parser.where(bomb->mark));
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    const YamlFailure failure = describe_yaml_failure(text, e);
    return Status(ErrorCode::kParse, "invalid YAML: " + failure.message, parser.where(failure.mark));
  }
  if (root.IsNull()) return config;  // an empty config: every default
  if (!root.IsMap()) {
    return parser.error(root, "a .tonelint.yaml is a mapping with guide, include, exclude, gitignore, min_level, "
                              "fail_on and contexts");
  }
  if (Status s = parser.check_keys(root, kTopKeys, "the config"); !s.ok()) return s;
  try {
    if (const YAML::Node guide = root["guide"]) {
      if (!guide.IsScalar() || guide.Scalar().empty()) return parser.error(guide, "'guide' is the path of a tone guide");
      config.guide_ = (config.root_ / guide.Scalar()).lexically_normal().string();
    }
    if (const YAML::Node include = root["include"]) {
      if (Status s = parser.globs(include, "include", &config.include_); !s.ok()) return s;
    }
    if (const YAML::Node exclude = root["exclude"]) {
      if (Status s = parser.globs(exclude, "exclude", &config.exclude_); !s.ok()) return s;
    }
    if (const YAML::Node gitignore = root["gitignore"]) {
      bool value = true;
      if (!gitignore.IsScalar() || !YAML::convert<bool>::decode(gitignore, value)) {
        return parser.error(gitignore, "'gitignore' is true or false");
      }
      config.gitignore_ = value;
    }
    if (const YAML::Node min_level = root["min_level"]) {
      auto level = parser.level(min_level, "min_level");
      if (!level.ok()) return level.status();
      config.min_level_ = *level;
    }
    if (const YAML::Node fail_on = root["fail_on"]) {
      auto level = parser.level(fail_on, "fail_on");
      if (!level.ok()) return level.status();
      config.fail_on_ = *level;
    }
    if (const YAML::Node contexts = root["contexts"]) {
      if (!contexts.IsSequence()) {
        return parser.error(contexts, "'contexts' is a list of {paths: [...], channel: ..., situation: ..., "
                                      "audience: ..., emotion: ...}");
      }
      std::vector<std::string> entry_keys = {"paths"};
      entry_keys.insert(entry_keys.end(), kDimensionNames.begin(), kDimensionNames.end());
      for (const YAML::Node& entry : contexts) {
        if (!entry.IsMap()) return parser.error(entry, "each 'contexts' entry maps 'paths' and context values");
        if (Status s = parser.check_keys(entry, entry_keys, "a 'contexts' entry"); !s.ok()) return s;
        Mapping mapping;
        if (!entry["paths"]) return parser.error(entry, "a 'contexts' entry needs 'paths': the files it applies to");
        if (Status s = parser.globs(entry["paths"], "paths", &mapping.paths); !s.ok()) return s;
        bool any = false;
        for (std::size_t d = 0; d < kDimensionCount; ++d) {
          const YAML::Node value = entry[kDimensionNames[d]];
          if (!value) continue;
          if (!value.IsScalar() || value.Scalar().empty()) {
            return parser.error(value, std::string("'") + kDimensionNames[d] + "' is one context value");
          }
          mapping.context.values[d] = value.Scalar();
          mapping.where[d] = parser.where(value.Mark());
          any = true;
        }
        if (!any) return parser.error(entry, "a 'contexts' entry sets at least one of channel, situation, audience, emotion");
        config.contexts_.push_back(std::move(mapping));
      }
    }
  } catch (const YAML::Exception& e) {  // a value of the wrong shape that slipped through
    return Status(ErrorCode::kParse, "invalid config: " + e.msg, parser.where(e.mark));
  }
  return config;
}

Result<RepoConfig> RepoConfig::load(const fs::path& path) {
  // Refuses a directory (--config DIR), a FIFO or a device by its type, without blocking.
  auto read = read_regular_file(path.string(), kMaxConfigBytes, "config");
  if (!read.ok()) return read.status();
  const std::string& bytes = *read;
  if (auto bad = find_invalid_utf8(bytes)) {
    const LineIndex lines(bytes.substr(0, *bad));
    const Position p = lines.position(static_cast<std::uint32_t>(*bad));
    return Status(ErrorCode::kInvalidUtf8, "the config is not valid UTF-8", Location{path.string(), p.line, p.column});
  }
  return parse(bytes, path);
}

std::optional<std::string> RepoConfig::relative(const fs::path& path) const {
  std::error_code ec;
  const fs::path relative = fs::absolute(path, ec).lexically_normal().lexically_relative(root_);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  return relative.generic_string();
}

bool RepoConfig::excludes(std::string_view relative_path) const {
  return std::any_of(exclude_.begin(), exclude_.end(),
                     [&](const Glob& g) { return g.matches_path_or_parent(relative_path); });
}

bool RepoConfig::takes(std::string_view relative_path) const {
  const bool included = include_.empty() ? is_draft_extension(fs::path(std::string(relative_path)))
                                         : std::any_of(include_.begin(), include_.end(), [&](const Glob& g) {
                                             return g.matches_path_or_parent(relative_path);
                                           });
  return included && !excludes(relative_path);
}

ConfigContext RepoConfig::context_for(std::string_view relative_path) const {
  ConfigContext out;
  for (const Mapping& mapping : contexts_) {
    auto hit = std::find_if(mapping.paths.begin(), mapping.paths.end(),
                            [&](const Glob& g) { return g.matches_path_or_parent(relative_path); });
    if (hit == mapping.paths.end()) continue;
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      if (mapping.context.values[d].empty()) continue;
      out.context.values[d] = mapping.context.values[d];
      out.matched[d] = hit->pattern();
    }
  }
  return out;
}

Status RepoConfig::check_against(const Guide& guide) const {
  for (const Mapping& mapping : contexts_) {
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      const std::string& value = mapping.context.values[d];
      if (value.empty() || guide.allows(static_cast<Dimension>(d), value)) continue;
      return Status(ErrorCode::kParse,
                    std::string("unknown ") + kDimensionNames[d] + " '" + value + "' (the guide '" + guide.id +
                        "' allows " + join_names(guide.allowed[d]) + ")" + did_you_mean(value, guide.allowed[d]),
                    mapping.where[d]);
    }
  }
  return {};
}

ConfigFinder::ConfigFinder(std::string forced) : forced_(std::move(forced)) {}

Result<std::shared_ptr<const RepoConfig>> ConfigFinder::load_cached(const fs::path& config) {
  auto it = loaded_.find(config);
  if (it == loaded_.end()) {
    auto loaded = RepoConfig::load(config);
    Result<std::shared_ptr<const RepoConfig>> entry =
        loaded.ok() ? Result<std::shared_ptr<const RepoConfig>>(std::make_shared<const RepoConfig>(std::move(*loaded)))
                    : Result<std::shared_ptr<const RepoConfig>>(loaded.status());
    it = loaded_.emplace(config, std::move(entry)).first;
  }
  return it->second;
}

Result<std::shared_ptr<const RepoConfig>> ConfigFinder::for_path(const fs::path& path) {
  if (!forced_.empty()) return load_cached(fs::path(forced_));
  std::error_code ec;
  fs::path dir = fs::absolute(path, ec).lexically_normal();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  std::vector<fs::path> visited;  // folders that share the answer of the first with a config
  std::shared_ptr<const RepoConfig> found;
  for (;; dir = dir.parent_path()) {
    if (auto known = by_folder_.find(dir); known != by_folder_.end()) {
      found = known->second;
      break;
    }
    visited.push_back(dir);
    const fs::path candidate = dir / kRepoConfigName;
    // Anything by that name is the config: a FIFO or a folder is refused by its type
    // (RepoConfig::load says which), not skipped in silence.
    if (fs::exists(fs::symlink_status(candidate, ec))) {
      auto loaded = load_cached(candidate);
      if (!loaded.ok()) return loaded.status();
      found = *loaded;
      break;
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
  }
  for (const fs::path& folder : visited) by_folder_.emplace(folder, found);
  return found;
}

}  // namespace tonelint
