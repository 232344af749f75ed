// Embedding tonelint in a support tool: check a chat reply in its context, show what is
// off, and offer the rewrite. Uses only the public headers (include/tonelint/).
//
//   build/tonelint-check-reply [--guide FILE] [--json] [--CONTEXT VALUE]... TEXT
//   build/tonelint-check-reply --emotion upset "了解しました！すぐ直します😊"
//
// The context defaults to a chat reply; --channel, --situation, --audience and --emotion
// change it. --json prints DESIGN.md's JSON report instead of the summary.
#include <cstring>
#include <iostream>
#include <string>

#include "tonelint/checker.h"
#include "tonelint/tone_guide.h"

int main(int argc, char** argv) {
  tonelint::ToneGuide::Options guide_options;  // empty guide_path: the shipped guide
  tonelint::CheckOptions options;
  options.context["channel"] = "chat";
  bool json = false;
  std::string text;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--guide" && i + 1 < argc) {
      guide_options.guide_path = argv[++i];
    } else if (arg == "--json") {
      json = true;
    } else if (arg.rfind("--", 0) == 0 && arg.size() > 2 && i + 1 < argc) {
      options.context[arg.substr(2)] = argv[++i];  // the checker rejects unknown dimensions
    } else {
      text = arg;
    }
  }
  if (text.empty()) {
    std::cerr << "usage: tonelint-check-reply [--guide FILE] [--json] [--channel|--situation|--audience|--emotion V]... TEXT\n";
    return 2;
  }

  // Load once at start-up and share: the guide is immutable and the checker thread-safe.
  auto guide = tonelint::ToneGuide::load(guide_options);
  if (!guide.ok()) {
    std::cerr << guide.status().to_string() << '\n';
    return 2;
  }
  auto checker = tonelint::Checker::create(*guide);
  if (!checker.ok()) {
    std::cerr << checker.status().to_string() << '\n';
    return 2;
  }

  // Per keystroke pause: check the draft as it stands.
  auto result = checker->check(text, options);
  if (!result.ok()) {
    std::cerr << result.status().to_string() << '\n';  // e.g. "context.emotion: unknown emotion 'angry' ..."
    return 2;
  }
  if (json) {
    std::cout << tonelint::to_json(*result) << '\n';
    return 0;
  }
  std::cout << "guide " << result->guide << ", context";
  for (const auto& c : result->context) std::cout << ' ' << c.dimension << '=' << c.value << " (" << c.source << ')';
  std::cout << "\ntone score " << result->score << "/100\n";
  for (const tonelint::Finding& f : result->findings) {
    std::cout << f.line << ':' << f.column << ' ' << tonelint::severity_name(f.level) << ": " << f.message << " ["
              << f.rule << "]\n";
    if (!f.suggestions.empty()) std::cout << "    \"" << f.match << "\" -> \"" << f.suggestions.front().text << "\"\n";
  }

  // The "apply all" button: every rewrite, re-checked until nothing more applies.
  auto fixed = checker->fix(text, options, tonelint::FixMode::kAll);
  if (fixed.ok() && !fixed->edits.empty()) {
    std::cout << "rewritten (" << fixed->edits.size() << (fixed->edits.size() == 1 ? " edit" : " edits") << ", score " << fixed->remaining.score
              << "/100):\n" << fixed->text << '\n';
  }
  return 0;
}
