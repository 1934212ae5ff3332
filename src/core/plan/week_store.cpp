#include "core/plan/week_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <utility>

namespace valgus {

namespace {

constexpr std::string_view lapsed_line = "lapsed\n";

template <typename T>
std::string maybe(const std::optional<T>& value) {
  return value ? fmt::format("{}", *value) : "-";
}

}  // namespace

std::string week_key(WeekQuestion question, const WeekInput& input) {
  // The format's version: bump it when a field is added to the week model,
  // so older keys cannot match by leaving the new field out.
  std::string key = fmt::format("valgus week 1 {}\n", question == WeekQuestion::best_week ? "best" : "holds");
  const WeekShape& shape = input.shape;
  key += fmt::format("shape days={} seconds={} exercises={} position={}\n", fmt::join(shape.weekdays, ","),
                     maybe(shape.seconds), maybe(shape.exercises), shape.need_position ? 1 : 0);
  const Composition& rules = input.composition;
  key += fmt::format("composition most={},{},{},{} least={} active={} integrate={}\n", maybe(rules.most[0]),
                     maybe(rules.most[1]), maybe(rules.most[2]), maybe(rules.most[3]), fmt::join(rules.least, ","),
                     rules.active_percent, rules.integrate_every_session ? 1 : 0);
  key += "needs";
  for (const WeekNeed& need : input.needs) {
    key += need.weak ? " weak" : " tight";
  }
  key += '\n';
  for (const WeekItem& item : input.items) {
    key += fmt::format("item {} {} {}-{} {}{}{}{} rank={} lighter={} stage={} needs={} apart={}\n",
                       static_cast<int>(item.phase), item.seconds, item.per_week.min, item.per_week.max,
                       item.resisted ? 'r' : '-', item.position ? 'p' : '-', item.prescribed ? 'P' : '-',
                       item.essential ? 'e' : '-', item.rank, item.lighter_of, item.stage, fmt::join(item.needs, ","),
                       fmt::join(item.apart_from, ","));
  }
  return key;
}

std::string week_answer_text(const WeekInput& input, const WeekSessions& sessions) {
  std::string text;
  if (!keeps_rules(input, sessions) && keeps_rules(input, sessions, true)) {
    text += lapsed_line;
  }
  for (const auto& session : sessions) {
    text += session.empty() ? "-" : fmt::format("{}", fmt::join(session, " "));
    text += '\n';
  }
  return text;
}

std::optional<WeekSessions> read_week_answer(const WeekInput& input, std::string_view text) {
  const std::size_t days = input.shape.weekdays.size();
  const bool lapsed = text.substr(0, lapsed_line.size()) == lapsed_line;
  if (lapsed) {
    text.remove_prefix(lapsed_line.size());
  }
  WeekSessions sessions;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos || sessions.size() == days) {
      return std::nullopt;  // every line ends in a newline, one line a day
    }
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    std::vector<std::size_t>& session = sessions.emplace_back();
    if (line == "-") {
      continue;
    }
    while (true) {
      std::size_t index = 0;
      const auto [next, error] = std::from_chars(line.data(), line.data() + line.size(), index);
      if (error != std::errc{} || index >= input.items.size()) {
        return std::nullopt;
      }
      session.push_back(index);
      line.remove_prefix(static_cast<std::size_t>(next - line.data()));
      if (line.empty()) {
        break;
      }
      if (line.size() < 2 || line.front() != ' ') {
        return std::nullopt;
      }
      line.remove_prefix(1);
    }
  }
  // "lapsed" only before a week that needs it, as week_answer_text writes
  // it, and only for a week whose rule does lapse (a search, but far less
  // than the solve it saves).
  if (sessions.size() != days || !keeps_rules(input, sessions, lapsed) ||
      (lapsed && (keeps_rules(input, sessions) || integration_rule_in_force(input)))) {
    return std::nullopt;
  }
  return sessions;
}

const WeekChoice& WeekMemo::solve(const WeekInput& input) {
  const auto known =
      std::find_if(solved_.begin(), solved_.end(), [&](const auto& entry) { return entry.first == input; });
  if (known != solved_.end()) {
    return known->second;
  }
  const std::string key = kept_ != nullptr ? week_key(WeekQuestion::best_week, input) : std::string();
  std::optional<WeekSessions> sessions;
  if (kept_ != nullptr) {
    if (const auto answer = kept_->find(key)) {
      sessions = read_week_answer(input, *answer);
    }
  }
  WeekChoice choice;
  if (sessions) {
    choice = describe_week(input, std::move(*sessions));
  } else {
    choice = solve_week(input);
    if (kept_ != nullptr) {
      kept_->keep(key, week_answer_text(input, choice.sessions));
    }
  }
  solved_.emplace_back(input, std::move(choice));
  return solved_.back().second;
}

bool WeekMemo::holds(const WeekInput& input) {
  const auto known = std::find_if(held_.begin(), held_.end(), [&](const auto& entry) { return entry.first == input; });
  if (known != held_.end()) {
    return known->second;
  }
  const std::string key = kept_ != nullptr ? week_key(WeekQuestion::holds_everything, input) : std::string();
  std::optional<bool> answer;
  if (kept_ != nullptr) {
    const auto text = kept_->find(key);
    if (text && (*text == "yes\n" || *text == "no\n")) {
      answer = *text == "yes\n";
    }
  }
  if (!answer) {
    answer = holds_everything(input);
    if (kept_ != nullptr) {
      kept_->keep(key, *answer ? "yes\n" : "no\n");
    }
  }
  held_.emplace_back(input, *answer);
  return *answer;
}

}  // namespace valgus
