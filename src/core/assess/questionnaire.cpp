#include "core/assess/questionnaire.hpp"

#include "core/model/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace valgus {
namespace {

std::string lower(std::string_view text) {
  std::string out = trim(std::string(text));
  for (char& c : out) {
    c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text + ",") {
    if (c == ',' || c == ' ') {
      if (!word.empty()) {
        words.push_back(word);
      }
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

std::string unit_words(Unit unit) {
  switch (unit) {
    case Unit::cm: return "cm";
    case Unit::mm: return "mm";
    case Unit::degrees: return "degrees";
    case Unit::yes_no: return "";
  }
  return "";
}

}  // namespace

std::vector<Question> questionnaire(const Catalogue& catalogue) {
  std::vector<Question> out;
  for (const RedFlag& flag : catalogue.red_flags) {
    out.push_back(
        Question{flag.id, QuestionKind::red_flag, std::nullopt, "Before you start", flag.question, {}, {}, {}, {}});
  }
  for (const SelfTest& test : catalogue.self_tests) {
    const QuestionKind kind = test.unit == Unit::yes_no ? QuestionKind::yes_no : QuestionKind::number;
    // The catalogue's question, about the positive sign: yes means positive.
    const std::string prompt = kind == QuestionKind::yes_no
                                   ? fmt::format("{} Yes or no.", test.question)
                                   : fmt::format("{} Answer in {}.", test.question, unit_words(test.unit));
    const std::vector<std::optional<Side>> sides = test.per_side
                                                       ? std::vector<std::optional<Side>>{Side::left, Side::right}
                                                       : std::vector<std::optional<Side>>{std::nullopt};
    for (const std::optional<Side>& side : sides) {
      out.push_back(Question{test.id,
                             kind,
                             side,
                             side ? fmt::format("{}, {} leg", test.name, to_string(*side)) : test.name,
                             prompt,
                             test.instructions,
                             test.range,
                             {},
                             test.asked_if});
    }
  }
  std::vector<std::string> positions;
  for (const Position& position : catalogue.positions) {
    positions.push_back(position.id);
  }
  out.push_back(Question{"caves-when",
                         QuestionKind::positions,
                         std::nullopt,
                         "Where your knee caves",
                         fmt::format("When does your knee cave in? One or more of {}.", join(positions, ", ")),
                         {},
                         {},
                         positions,
                         {}});
  std::vector<std::string> kit = catalogue.kit_ids();
  out.push_back(Question{"equipment",
                         QuestionKind::equipment,
                         std::nullopt,
                         "Equipment",
                         fmt::format("What do you have? Any of {}, or none.", join(kit, ", ")),
                         {},
                         {},
                         kit,
                         {}});
  out.push_back(Question{"days",
                         QuestionKind::days,
                         std::nullopt,
                         "Days",
                         "How many days a week can you train (1-7)?",
                         {},
                         Range{1, 7},
                         {},
                         {}});
  out.push_back(Question{"minutes",
                         QuestionKind::minutes,
                         std::nullopt,
                         "Minutes",
                         fmt::format("How many minutes a session (5-{})?", max_minutes),
                         {},
                         Range{5, max_minutes},
                         {},
                         {}});
  return out;
}

// Equipment as `--equipment` takes it: comma-separated, each an id, a name
// or an alias in any case ("resistance band", "foam roll"), or none.
bool equipment_words(const Catalogue& catalogue, const Question& question, const std::string& text, Reply& reply,
                     std::string& error) {
  const std::vector<std::string> words = split_list(text);
  if (words == std::vector<std::string>{"none"}) {
    return true;
  }
  if (words.empty()) {
    error = fmt::format("name one or more of {} (or skip)", join(question.choices, ", "));
    return false;
  }
  for (const std::string& item : words) {
    const std::vector<const Equipment*> named = catalogue.equipment_named(item);
    const bool known = named.size() == 1 && std::find(question.choices.begin(), question.choices.end(),
                                                      named.front()->id) != question.choices.end();
    if (!known) {
      error = fmt::format("\"{}\" is not one of {}, none{} (or skip)", one_line(item), join(question.choices, ", "),
                          did_you_mean_suffix(item, question.choices));
      return false;
    }
    if (std::find(reply.words.begin(), reply.words.end(), named.front()->id) == reply.words.end()) {
      reply.words.push_back(named.front()->id);
    }
  }
  return true;
}

std::optional<Reply> parse_reply(const Catalogue& catalogue, const Question& question, std::string_view text,
                                 std::string& error) {
  const std::string word = lower(text);
  Reply reply;
  if (word == "skip" || word == "s") {
    reply.skipped = true;
    return reply;
  }
  switch (question.kind) {
    case QuestionKind::red_flag:
    case QuestionKind::yes_no:
      if (word == "yes" || word == "y") {
        reply.number = 1;
        return reply;
      }
      if (word == "no" || word == "n") {
        return reply;
      }
      error = "answer yes or no (or skip)";
      return std::nullopt;
    case QuestionKind::number:
    case QuestionKind::days:
    case QuestionKind::minutes: {
      const bool digits =
          !word.empty() && word.size() <= 6 && std::count(word.begin(), word.end(), '.') <= 1 && word.front() != '.' &&
          word.back() != '.' &&
          std::all_of(word.begin(), word.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
      const bool whole = word.find('.') == std::string::npos;
      const double value = digits ? std::stod(word) : -1;
      const bool needs_whole = question.kind != QuestionKind::number;
      if (!digits || (needs_whole && !whole) || value < question.range.min || value > question.range.max) {
        const SelfTest* test = catalogue.find_self_test(question.key);
        const std::string unit = test != nullptr ? " " + unit_words(test->unit) : std::string();
        error = fmt::format("answer a {} from {} to {}{} (or skip)", needs_whole ? "whole number" : "number",
                            question.range.min, question.range.max, unit);
        return std::nullopt;
      }
      reply.number = value;
      return reply;
    }
    case QuestionKind::equipment:
      if (!equipment_words(catalogue, question, word, reply, error)) {
        return std::nullopt;
      }
      return reply;
    case QuestionKind::positions: {
      reply.words = split_words(word);
      for (const std::string& id : reply.words) {
        if (std::find(question.choices.begin(), question.choices.end(), id) == question.choices.end()) {
          error = fmt::format("\"{}\" is not one of {}{} (or skip)", one_line(id), join(question.choices, ", "),
                              did_you_mean_suffix(id, question.choices));
          return std::nullopt;
        }
      }
      if (reply.words.empty()) {
        error = fmt::format("name one or more of {} (or skip)", join(question.choices, ", "));
        return std::nullopt;
      }
      return reply;
    }
  }
  return std::nullopt;
}

void record_reply(Answers& answers, const Question& question, const Reply& reply) {
  if (reply.skipped) {
    forget_reply(answers, question);
    return;
  }
  switch (question.kind) {
    case QuestionKind::red_flag: answers.red_flags[question.key] = reply.number != 0; return;
    case QuestionKind::yes_no:
    case QuestionKind::number: {
      TestAnswer& answer = answers.tests[question.key];
      if (question.side == Side::left) {
        answer.left = reply.number;
      } else if (question.side == Side::right) {
        answer.right = reply.number;
      } else {
        answer.value = reply.number;
      }
      return;
    }
    case QuestionKind::positions: answers.caves_when = reply.words; return;
    case QuestionKind::equipment: answers.equipment = reply.words; return;
    case QuestionKind::days: answers.days = static_cast<int>(reply.number); return;
    case QuestionKind::minutes: answers.minutes = static_cast<int>(reply.number); return;
  }
}

void forget_reply(Answers& answers, const Question& question) {
  switch (question.kind) {
    case QuestionKind::red_flag: answers.red_flags.erase(question.key); return;
    case QuestionKind::yes_no:
    case QuestionKind::number: {
      const auto found = answers.tests.find(question.key);
      if (found == answers.tests.end()) {
        return;
      }
      if (question.side == Side::left) {
        found->second.left.reset();
      } else if (question.side == Side::right) {
        found->second.right.reset();
      } else {
        found->second.value.reset();
      }
      return;
    }
    case QuestionKind::positions: answers.caves_when.clear(); return;
    case QuestionKind::equipment: answers.equipment.reset(); return;
    case QuestionKind::days: answers.days.reset(); return;
    case QuestionKind::minutes: answers.minutes.reset(); return;
  }
}

bool is_asked(const Catalogue& catalogue, const Question& question, const Answers& answers) {
  if (question.kind != QuestionKind::red_flag && any_red_flag(answers)) {
    return false;
  }
  const SelfTest* test = question.asked_if.empty() ? nullptr : catalogue.find_self_test(question.key);
  return test == nullptr || asked_for(catalogue, *test, answers, question.side);
}

QuestionCount count_questions(const Catalogue& catalogue, const std::vector<Question>& questions,
                              const Answers& answers, std::size_t next) {
  QuestionCount count{1, 0};
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const Question& question = questions[i];
    bool counted = is_asked(catalogue, question, answers);
    if (!counted && i >= next && !question.asked_if.empty() && !any_red_flag(answers)) {
      // Still open while the test it follows is not yet answered.
      counted = std::none_of(
          questions.begin(), questions.begin() + static_cast<std::ptrdiff_t>(next),
          [&](const Question& before) { return before.key == question.asked_if && before.side == question.side; });
    }
    if (counted) {
      count.count += 1;
      count.number += i < next ? 1 : 0;
    }
  }
  return count;
}

bool any_red_flag(const Answers& answers) {
  return std::any_of(answers.red_flags.begin(), answers.red_flags.end(), [](const auto& flag) { return flag.second; });
}

}  // namespace valgus
