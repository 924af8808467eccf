// Agreement statistics at the sizes research teams produce (issue 5):
//   1. ten coders on a 2-hour session in 0.1 s units (72,000 units): all 45 pairwise time-unit
//      kappas (with a 1 s tolerance) and Krippendorff's alpha over the unit codes;
//   2. event alignment of two sequences of 10,000 events each;
//   3. Krippendorff's nominal alpha on 100,000 units × 10 coders with missing judgements.
// Each is timed here (median of 3 runs; NLTK once, it takes seconds) and, where a reference implementation is installed, the
// same computation on the same data in it, in the same run: scikit-learn's cohen_kappa_score for
// the pairwise kappas (without tolerance: it has none) and NLTK's AnnotationTask.alpha for alpha,
// run by python3 (Debian python3-sklearn, python3-nltk). Event alignment has no reference here.

#include "annotation/agreement/event_alignment.h"
#include "annotation/agreement/krippendorff_alpha.h"
#include "annotation/agreement/multi_coder_agreement.h"
#include "annotation/agreement/time_units.h"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

namespace ag = sb::agreement;
using Clock = std::chrono::steady_clock;
using ag::Microseconds;

double medianSeconds(const std::function<void()>& work, int runs = 3) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// A "true" behaviour stream (states of 1–20 s with gaps, 8 codes) that each coder sees with
// jittered boundaries (±0.6 s), now and then a different code (8 %) or a missed event (5 %).
std::vector<ag::CoderTimeline> makeSession(int coders, Microseconds length, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<std::int64_t> duration(1'000'000, 20'000'000);
    std::uniform_int_distribution<std::int64_t> gap(0, 5'000'000);
    std::uniform_int_distribution<int> code(0, 7);
    struct Truth {
        int code;
        std::int64_t start;
        std::int64_t end;
    };
    std::vector<Truth> truth;
    for (std::int64_t t = gap(random); t < length.count();) {
        const std::int64_t end = std::min(length.count(), t + duration(random));
        truth.push_back({code(random), t, end});
        t = end + gap(random);
    }
    std::uniform_int_distribution<std::int64_t> jitter(-600'000, 600'000);
    std::uniform_real_distribution<double> chance(0, 1);
    std::vector<ag::CoderTimeline> result;
    for (int c = 0; c < coders; ++c) {
        ag::CoderTimeline coder{"coder" + std::to_string(c), {}};
        for (const Truth& event : truth) {
            if (chance(random) < 0.05) {
                continue;
            }
            const int seen = chance(random) < 0.08 ? code(random) : event.code;
            const std::int64_t start = std::max<std::int64_t>(0, event.start + jitter(random));
            const std::int64_t end =
                std::min(length.count(), std::max(start + 1, event.end + jitter(random)));
            coder.events.push_back({"code" + std::to_string(seen), Microseconds{start}, Microseconds{end}});
        }
        result.push_back(std::move(coder));
    }
    return result;
}

// Two coders' event sequences of `count` events each: a mix of states and points.
std::pair<ag::CoderTimeline, ag::CoderTimeline> makeEvents(int count, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<std::int64_t> step(500'000, 6'000'000);
    std::uniform_int_distribution<std::int64_t> duration(0, 4'000'000);
    std::uniform_int_distribution<std::int64_t> jitter(-1'500'000, 1'500'000);
    std::uniform_int_distribution<int> code(0, 9);
    std::uniform_real_distribution<double> chance(0, 1);
    ag::CoderTimeline a{"a", {}};
    ag::CoderTimeline b{"b", {}};
    std::int64_t t = 0;
    while (static_cast<int>(a.events.size()) < count || static_cast<int>(b.events.size()) < count) {
        t += step(random);
        const std::int64_t d = duration(random) < 1'000'000 ? 0 : duration(random);
        const int c = code(random);
        const auto event = [&](int sameCode) {
            const std::int64_t s = std::max<std::int64_t>(0, t + jitter(random));
            return ag::TimelineEvent{"code" + std::to_string(sameCode), Microseconds{s},
                                     d == 0 ? std::nullopt
                                            : std::optional<Microseconds>(Microseconds{s + d})};
        };
        if (static_cast<int>(a.events.size()) < count && chance(random) < 0.95) {
            a.events.push_back(event(c));
        }
        if (static_cast<int>(b.events.size()) < count && chance(random) < 0.95) {
            b.events.push_back(event(chance(random) < 0.1 ? code(random) : c));
        }
    }
    return {a, b};
}

// The python3 that has the reference libraries, or "".
std::string referencePython() {
    for (const char* candidate : {"/usr/bin/python3", "python3"}) {
        const std::string probe =
            std::string(candidate) + " -c 'import numpy, sklearn, nltk' >/dev/null 2>&1";
        if (std::system(probe.c_str()) == 0) {
            return candidate;
        }
    }
    return {};
}

const char* const kReferenceScript = R"PY(
import sys, time
import numpy as np
from sklearn.metrics import cohen_kappa_score
from nltk.metrics.agreement import AnnotationTask

def median(f, runs=3):
    times = []
    for _ in range(runs):
        t = time.perf_counter(); value = f(); times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2], value

task, path, coders = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = np.fromfile(path, dtype=np.int32).reshape(coders, -1)
if task == "pairs":
    def pairs():
        return [cohen_kappa_score(data[i], data[j]) for i in range(coders) for j in range(i + 1, coders)]
    seconds, kappas = median(pairs)
    print("pairs", seconds, kappas[0])
# alpha: the triples are built outside the timing, as the C++ side gets its table ready-made
triples = [(str(c), str(u), int(v)) for c in range(coders) for u, v in enumerate(data[c]) if v >= 0]
seconds, alpha = median(lambda: AnnotationTask(triples).alpha(), runs=1)  # 1 run: seconds each
print("alpha", seconds, alpha)
)PY";

std::map<std::string, std::pair<double, double>>
runReference(const std::string& python, const std::filesystem::path& dir, const std::string& task,
             const std::vector<std::int32_t>& data, int coders) {
    const auto dataFile = dir / (task + ".i32");
    std::ofstream(dataFile, std::ios::binary)
        .write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size() * 4));
    const auto script = dir / "reference.py";
    std::ofstream(script) << kReferenceScript;
    const auto out = dir / (task + ".out");
    const std::string command = python + " " + script.string() + " " + task + " " + dataFile.string() + " " +
                                std::to_string(coders) + " > " + out.string() + " 2>&1";
    std::map<std::string, std::pair<double, double>> results;
    if (std::system(command.c_str()) != 0) {
        return results;
    }
    std::ifstream in(out);
    std::string name;
    double seconds = 0;
    double value = 0;
    while (in >> name >> seconds >> value) {
        results[name] = {seconds, value};
    }
    return results;
}

void printReference(const std::map<std::string, std::pair<double, double>>& reference, const std::string& key,
                    const char* label, double ours) {
    const auto it = reference.find(key);
    if (it == reference.end()) {
        fmt::print("    reference ({}): reference not available\n", label);
        return;
    }
    fmt::print("    reference ({}): {:.3f} s -> SecureBase {:.1f}x faster (reference value {:.6f})\n", label,
               it->second.first, it->second.first / ours, it->second.second);
}

} // namespace

int main() {
    const std::string python = referencePython();
    const auto dir =
        std::filesystem::temp_directory_path() / ("sb-agreement-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    fmt::print("agreement_bench (median of 3 runs; reference: {})\n\n",
               python.empty() ? "none installed" : python + " with scikit-learn and NLTK");

    // 1. Ten coders, 2 hours, 0.1 s units.
    const Microseconds twoHours{7'200'000'000};
    const std::vector<ag::CoderTimeline> coders = makeSession(10, twoHours, 1);
    ag::TimeUnitKappaOptions options;
    options.unit = Microseconds{100'000};
    options.toleranceUnits = 10; // ±1 s
    options.sessionLength = twoHours;
    ag::MultiCoderAgreement all;
    const double tSession = medianSeconds([&] { all = ag::multiCoderAgreement(coders, options); });
    std::size_t events = 0;
    for (const auto& coder : coders) {
        events += coder.events.size();
    }
    fmt::print("1. 10 coders x {} units (2 h at 0.1 s, {} events): {} pairwise time-unit kappas "
               "(tolerance 1 s) + Krippendorff's alpha\n",
               all.units, events, all.pairs.size());
    fmt::print(
        "    SecureBase: {:.3f} s  (mean pairwise kappa {:.4f}, with tolerance {:.4f}, alpha {:.4f}) {}\n",
        tSession, *all.meanPairwiseKappa, *all.meanPairwiseToleranceKappa, *all.alpha.value,
        tSession < 1.0 ? "[under 1 s]" : "[OVER 1 s]");
    const ag::UnitCoding grid = ag::codeUnits(coders, {options.unit, options.sessionLength});
    double tPairsOnly = medianSeconds([&] {
        for (std::size_t i = 0; i < 10; ++i) {
            for (std::size_t j = i + 1; j < 10; ++j) {
                (void)ag::timeUnitKappa(grid, i, j, 0);
            }
        }
    });
    const ag::CodedRatings unitTable = ag::unitCodesAsRatings(grid);
    const double tUnitAlpha =
        medianSeconds([&] { (void)ag::krippendorffAlpha(unitTable, ag::MeasurementLevel::Nominal); });
    fmt::print(
        "    of which: 45 kappas without tolerance {:.3f} s (first pair {:.6f}); alpha alone {:.3f} s\n",
        tPairsOnly, *all.pairs[0].agreement.kappa, tUnitAlpha);
    if (python.empty()) {
        fmt::print("    reference: reference not available\n");
    } else {
        std::vector<std::int32_t> codes;
        for (const auto& coder : grid.codes) {
            codes.insert(codes.end(), coder.begin(), coder.end());
        }
        const auto reference = runReference(python, dir, "pairs", codes, 10);
        printReference(reference, "pairs", "sklearn cohen_kappa_score, 45 pairs, no tolerance", tPairsOnly);
        printReference(reference, "alpha", "NLTK alpha over the unit codes", tUnitAlpha);
    }

    // 2. Event alignment, 10,000 events each.
    const auto [a, b] = makeEvents(10'000, 2);
    ag::EventAlignment alignment;
    const double tAlign = medianSeconds([&] { alignment = ag::alignEvents(a, b); });
    fmt::print("\n2. event alignment, {} x {} events (onset tolerance 2 s, overlap 60 %)\n", a.events.size(),
               b.events.size());
    fmt::print(
        "    SecureBase: {:.3f} s  ({} columns, kappa {:.4f}, kappa incl. nil as category {:.4f}) {}\n",
        tAlign, alignment.pairings.size(), *alignment.kappa, *alignment.kappaCohen,
        tAlign < 1.0 ? "[under 1 s]" : "[OVER 1 s]");
    fmt::print("    reference: reference not available (no DP event alignment in scikit-learn, statsmodels "
               "or NLTK)\n");

    // 3. Krippendorff's alpha, 100,000 units x 10 coders, 5 categories, 10 % missing.
    std::mt19937_64 random(3);
    std::uniform_int_distribution<int> category(0, 4);
    std::uniform_real_distribution<double> chance(0, 1);
    ag::RatingsTable table;
    for (int c = 0; c < 10; ++c) {
        table.coders.push_back("coder" + std::to_string(c));
    }
    std::vector<std::int32_t> raw(10 * 100'000, -1);
    for (int u = 0; u < 100'000; ++u) {
        table.units.push_back(std::to_string(u));
        const int truth = category(random);
        for (int c = 0; c < 10; ++c) {
            if (chance(random) < 0.1) {
                table.values.emplace_back(std::nullopt);
                continue;
            }
            const int v = chance(random) < 0.7 ? truth : category(random);
            table.values.emplace_back("category" + std::to_string(v));
            raw[static_cast<std::size_t>(c) * 100'000 + static_cast<std::size_t>(u)] = v;
        }
    }
    ag::AlphaEstimate alpha;
    const double tAlpha =
        medianSeconds([&] { alpha = ag::krippendorffAlpha(table, ag::MeasurementLevel::Nominal); });
    fmt::print("\n3. Krippendorff's alpha (nominal), 100,000 units x 10 coders, 10 % missing\n");
    fmt::print("    SecureBase: {:.3f} s from text labels  (alpha {:.6f}) {}\n", tAlpha, *alpha.value,
               tAlpha < 1.0 ? "[under 1 s]" : "[OVER 1 s]");
    if (python.empty()) {
        fmt::print("    reference: reference not available\n");
    } else {
        printReference(runReference(python, dir, "alpha", raw, 10), "alpha", "NLTK AnnotationTask.alpha",
                       tAlpha);
    }
    std::filesystem::remove_all(dir);
    return 0;
}
