#pragma once
// RAII write transaction: rolled back unless commit() is called. The outermost one is
// BEGIN IMMEDIATE, which takes the write lock up front (waiting up to the busy timeout) so a
// transaction never fails half-way because another process started writing; nested ones are
// savepoints, so store operations that use a transaction compose inside an edit command's.

#include <string>

namespace sb::annotation::sqlite {

class Database;

class Transaction {
public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;

    void commit();

private:
    Database* database_;
    std::string savepoint_; // empty for the outermost transaction
    bool open_ = true;
};

} // namespace sb::annotation::sqlite
