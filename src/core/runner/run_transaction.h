#pragma once
// RAII guards for a run: the run's transaction (with the dialect's lock) and the
// savepoint around each revision. A guard that is not committed or released rolls
// back in its destructor, which never throws.

#include "core/dialect/dialect.h"
#include "core/runner/run_sink.h"

#include <string>
#include <string_view>

namespace tempest {

class RunTransaction {
public:
    /// Opens the run (SQLite: PRAGMA foreign_keys=OFF; BEGIN IMMEDIATE. PostgreSQL: BEGIN
    /// and the advisory lock). Throws DatabaseLocked when another runner holds the lock
    /// past the busy timeout, DatabaseError otherwise; nothing stays open on a throw.
    RunTransaction(RunSink& sink, const Dialect& dialect, std::string schema, std::string versionTable);
    ~RunTransaction() { rollback(); }
    RunTransaction(const RunTransaction&) = delete;
    RunTransaction& operator=(const RunTransaction&) = delete;

    /// Commits everything and releases the lock.
    void commit();
    /// Rolls everything back since the last commit and releases the lock. Never throws.
    void rollback() noexcept;
    /// Commits what came before, keeping the lock, and runs `first` outside a transaction
    /// before opening the next one (PostgreSQL enum values used by the next revision).
    void commitThenRun(const std::vector<std::string>& first, std::string& failedStatement);
    bool open() const { return m_open; }

private:
    RunSink& m_sink;
    const Dialect& m_dialect;
    std::string m_schema, m_versionTable;
    bool m_open = false;
};

class RevisionSavepoint {
public:
    RevisionSavepoint(RunSink& sink, const Dialect& dialect);
    RevisionSavepoint(const RevisionSavepoint&) = delete;
    RevisionSavepoint& operator=(const RevisionSavepoint&) = delete;
    /// Keeps what the revision did.
    void release();
    /// Undoes what the revision did. Throws DatabaseError when that fails (the
    /// connection was lost): the caller then rolls back the whole run.
    void rollback();
    /// Undoes what the revision did so far and stays open, for the revision to run again.
    void undo();

private:
    RunSink& m_sink;
    const Dialect& m_dialect;
};

/// The savepoint's name (one revision at a time, so one name).
inline constexpr std::string_view kRevisionSavepoint = "tempest_revision";

} // namespace tempest
