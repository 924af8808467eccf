#pragma once
// Published reliability data sets, as printed, for the tests of the agreement statistics.

#include "annotation/agreement/confusion_matrix.h"
#include "annotation/agreement/ratings_table.h"

#include <optional>
#include <string>
#include <vector>

namespace sb::agreement::test {

using Row = std::vector<std::optional<std::string>>;

// A table of counts as two coders' judgements, one unit per count (coder 1 gives the row's
// label, coder 2 the column's).
inline RatingsTable ratingsFromCounts(const std::vector<std::string>& labels,
                                      const std::vector<std::vector<int>>& counts) {
    std::vector<Row> rows;
    for (std::size_t r = 0; r < counts.size(); ++r) {
        for (std::size_t c = 0; c < counts[r].size(); ++c) {
            for (int i = 0; i < counts[r][c]; ++i) {
                rows.push_back({labels[r], labels[c]});
            }
        }
    }
    RatingsTable table = ratingsFromRows({"A", "B"}, rows);
    table.categories = labels;
    return table;
}

inline ConfusionMatrix matrixFromCounts(const std::vector<std::string>& labels,
                                        const std::vector<std::vector<int>>& counts) {
    ConfusionMatrix m(labels);
    for (std::size_t r = 0; r < counts.size(); ++r) {
        for (std::size_t c = 0; c < counts[r].size(); ++c) {
            m.at(r, c) = counts[r][c];
        }
    }
    return m;
}

// Cohen (1968), "Weighted kappa", Psychological Bulletin 70:213–220, the example table of
// proportions (.44 .07 .09 / .05 .20 .05 / .01 .03 .06) for N = 200, as reproduced in the
// documentation of R's psych::cohen.kappa ("cohen reports .492 and .348"). Counts = 200 × p.
inline const std::vector<std::vector<int>> kCohenTable = {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}};
// Cohen's disagreement weights for that example.
inline const std::vector<double> kCohenWeights = {0, 1, 3, 1, 0, 6, 3, 6, 0};

// A SAS PROC FREQ (AGREE) example, 3 × 3, whose printed kappa, ASE and 95 % limits statsmodels
// quotes in statsmodels/stats/tests/test_inter_rater.py (TestUnweightedCohens, TestWeightedCohens).
inline const std::vector<std::vector<int>> kSasTable = {{0, 4, 1}, {0, 8, 0}, {0, 1, 5}};

// Fleiss (1971), Psychological Bulletin 76:378–382: 30 patients, 6 psychiatrists each, 5
// diagnoses (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other); the
// raw form distributed as R irr's `diagnoses` and statsmodels' test data. Printed kappa = .430.
inline const std::vector<std::vector<int>> kFleissDiagnoses = {
    {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4},
    {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5},
    {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5},
    {3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
    {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4}, {1, 4, 4, 4, 4, 5},
    {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5}};

inline RatingsTable fleissDiagnoses() {
    std::vector<Row> rows;
    for (const std::vector<int>& patient : kFleissDiagnoses) {
        Row row;
        for (const int d : patient) {
            row.emplace_back(std::to_string(d));
        }
        rows.push_back(row);
    }
    return ratingsFromRows({"r1", "r2", "r3", "r4", "r5", "r6"}, rows);
}

// Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the reliability data
// matrix of 4 observers × 12 units with missing values (section C). Printed: nominal .743,
// ordinal .815, interval .849, ratio .797.
inline RatingsTable krippendorffExample() {
    const std::optional<std::string> _;
    const auto v = [](int x) { return std::optional<std::string>(std::to_string(x)); };
    // rows = units, columns = observers A, B, C, D
    return ratingsFromRows({"A", "B", "C", "D"}, {{v(1), v(1), _, v(1)},
                                                  {v(2), v(2), v(3), v(2)},
                                                  {v(3), v(3), v(3), v(3)},
                                                  {v(3), v(3), v(3), v(3)},
                                                  {v(2), v(2), v(2), v(2)},
                                                  {v(1), v(2), v(3), v(4)},
                                                  {v(4), v(4), v(4), v(4)},
                                                  {v(1), v(1), v(2), v(1)},
                                                  {v(2), v(2), v(2), v(2)},
                                                  {_, v(5), v(5), v(5)},
                                                  {_, _, v(1), v(1)},
                                                  {_, v(3), _, _}});
}

// Shrout & Fleiss (1979), Psychological Bulletin 86:420–428, Table 2: 6 targets × 4 judges.
// Printed: ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71, ICC(1,4) .44, ICC(2,4) .62, ICC(3,4) .91.
inline RatingsTable shroutFleiss() {
    const std::vector<std::vector<int>> scores = {{9, 2, 5, 8}, {6, 1, 3, 2},  {8, 4, 6, 8},
                                                  {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};
    std::vector<Row> rows;
    for (const std::vector<int>& target : scores) {
        Row row;
        for (const int s : target) {
            row.emplace_back(std::to_string(s));
        }
        rows.push_back(row);
    }
    return ratingsFromRows({"J1", "J2", "J3", "J4"}, rows);
}

} // namespace sb::agreement::test
