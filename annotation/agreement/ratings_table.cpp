#include "annotation/agreement/ratings_table.h"

#include "annotation/agreement/agreement_error.h"

namespace sb::agreement {

namespace {

std::size_t indexOf(std::string_view name, std::vector<std::string>& names,
                    std::unordered_map<std::string, std::size_t>& index) {
    const auto [it, inserted] = index.try_emplace(std::string(name), names.size());
    if (inserted) {
        names.emplace_back(name);
    }
    return it->second;
}

} // namespace

void RatingsTableBuilder::add(std::string_view unit, std::string_view coder,
                              std::optional<std::string> value) {
    const std::size_t u = indexOf(unit, units_, unitIndex_);
    const std::size_t c = indexOf(coder, coders_, coderIndex_);
    const std::size_t key = (u << 32U) | c;
    if (!seen_.try_emplace(key, judgements_.size()).second) {
        throw AgreementError("coder '" + std::string(coder) + "' judged unit '" + std::string(unit) +
                             "' more than once");
    }
    judgements_.push_back({u, c, std::move(value)});
}

RatingsTable RatingsTableBuilder::build() && {
    RatingsTable table;
    table.units = std::move(units_);
    table.coders = std::move(coders_);
    table.values.resize(table.units.size() * table.coders.size());
    for (Judgement& judgement : judgements_) {
        table.values[judgement.unit * table.coders.size() + judgement.coder] = std::move(judgement.value);
    }
    return table;
}

RatingsTable ratingsFromRows(std::vector<std::string> coders,
                             const std::vector<std::vector<std::optional<std::string>>>& rows) {
    RatingsTable table;
    table.coders = std::move(coders);
    for (std::size_t u = 0; u < rows.size(); ++u) {
        if (rows[u].size() != table.coders.size()) {
            throw AgreementError("row " + std::to_string(u + 1) + " has " + std::to_string(rows[u].size()) +
                                 " values for " + std::to_string(table.coders.size()) + " coders");
        }
        table.units.push_back(std::to_string(u + 1));
        for (const std::optional<std::string>& value : rows[u]) {
            table.values.push_back(value && !value->empty() ? value : std::nullopt);
        }
    }
    return table;
}

} // namespace sb::agreement
