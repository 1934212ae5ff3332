// The exact optimiser against a brute-force search over every subset.

#include "core/plan/optimiser.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <vector>

namespace {

using valgus::Candidate;
using valgus::Limits;
using valgus::Score;

// The best score over all 2^n subsets that keep the limits.
Score brute_force(const std::vector<Candidate>& candidates, const Limits& limits) {
  Score best;
  bool have = false;
  const std::size_t n = candidates.size();
  for (std::uint32_t mask = 0; mask < (1U << n); ++mask) {
    std::vector<std::size_t> chosen;
    for (std::size_t i = 0; i < n; ++i) {
      if ((mask >> i) & 1U) {
        chosen.push_back(i);
      }
    }
    if (!valgus::feasible(candidates, chosen, limits)) {
      continue;
    }
    const Score score = valgus::score_of(candidates, chosen, limits.covered_before);
    if (!have || best < score) {
      best = score;
      have = true;
    }
  }
  return best;
}

Candidate make(std::int64_t seconds, valgus::PairMask pairs, int priority_score, bool integrate = false,
               int position = 0) {
  Candidate c;
  c.seconds = seconds;
  c.pairs = pairs;
  c.priority_score = priority_score;
  c.integrate = integrate;
  c.position = position;
  return c;
}

}  // namespace

TEST_CASE("the cheapest cover of every pair beats a greedy pick of the most important first") {
  // Pairs: bit 0 release, 1 stretch, 2 strengthen, 3 integrate. A greedy
  // pick of the long essential strengthen exercise leaves no room for the
  // integration; the optimum covers all four.
  const std::vector<Candidate> candidates{make(90, 0b0001, 2), make(60, 0b0010, 2), make(300, 0b0100, 3),
                                          make(120, 0b0100, 2), make(150, 0b1000, 2, true)};
  Limits limits;
  limits.seconds = 450;
  const auto choice = valgus::choose_exactly(candidates, limits);
  CHECK(choice.chosen == std::vector<std::size_t>{0, 1, 3, 4});
  CHECK(choice.score.pairs == 4);
  CHECK(choice.score.seconds == 420);
}

TEST_CASE("an integration exercise is kept when one fits, and the need lapses when none does") {
  const std::vector<Candidate> candidates{make(100, 0b01, 3), make(100, 0b10, 3), make(150, 0, 1, true)};
  Limits limits;
  limits.seconds = 250;
  limits.need_integrate = true;
  CHECK(valgus::choose_exactly(candidates, limits).chosen == std::vector<std::size_t>{0, 2});
  limits.seconds = 120;
  CHECK(valgus::choose_exactly(candidates, limits).chosen == std::vector<std::size_t>{0});
}

TEST_CASE("the exact search equals a brute-force search on random small instances") {
  std::mt19937 random(20261122);
  for (int round = 0; round < 400; ++round) {
    const std::size_t n = 1 + random() % 13;
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < n; ++i) {
      Candidate c;
      c.seconds = 30 + static_cast<std::int64_t>(random() % 300);
      c.pairs = static_cast<valgus::PairMask>(random() % 64) & static_cast<valgus::PairMask>(random() % 64);
      c.wanted = static_cast<int>(random() % 4 == 0);
      c.fresh = static_cast<int>(random() % 3 == 0);
      c.priority_score = 1 + static_cast<int>(random() % 3);
      c.integrate = random() % 3 == 0;
      c.position = static_cast<int>(c.integrate && random() % 2 == 0);  // position work is integration
      candidates.push_back(c);
    }
    Limits limits;
    if (random() % 4 != 0) {
      limits.seconds = 60 + static_cast<std::int64_t>(random() % 900);
    }
    if (random() % 2 == 0) {
      limits.count = 1 + static_cast<int>(random() % 6);
    }
    limits.covered_before = static_cast<valgus::PairMask>(random() % 64) & static_cast<valgus::PairMask>(random() % 64);
    limits.need_integrate = random() % 2 == 0;
    limits.need_position = random() % 3 == 0;
    const auto choice = valgus::choose_exactly(candidates, limits);
    INFO("round ", round, " n ", n);
    CHECK(valgus::feasible(candidates, choice.chosen, limits));
    CHECK(valgus::score_of(candidates, choice.chosen, limits.covered_before) == choice.score);
    CHECK(choice.score == brute_force(candidates, limits));
  }
}
