#include "core/runner/run_transaction.h"

#include "core/runner/migration_runner.h"

namespace tempest {

RunTransaction::RunTransaction(RunSink& sink, const Dialect& dialect, std::string schema, std::string versionTable)
    : m_sink(sink), m_dialect(dialect), m_schema(std::move(schema)), m_versionTable(std::move(versionTable))
{
    m_open = true;
    try {
        for (const auto& sql : m_dialect.beginRunFor(m_schema, m_versionTable))
            m_sink.execute(sql);
    } catch (const DatabaseError& e) {
        rollback();
        if (e.isBusy())
            throw DatabaseLocked("the database is locked by another runner (waited for the busy timeout): "
                                 + e.serverMessage());
        throw;
    }
}

void RunTransaction::commit()
{
    for (const auto& sql : m_dialect.commitRunFor(m_schema, m_versionTable))
        m_sink.execute(sql);
    m_open = false;
}

void RunTransaction::rollback() noexcept
{
    if (!m_open)
        return;
    m_open = false;
    for (const auto& sql : m_dialect.rollbackRunFor(m_schema, m_versionTable)) {
        try {
            m_sink.execute(sql);
        } catch (...) {
            // The connection is gone: the server rolls back on its own.
        }
    }
}

void RunTransaction::commitThenRun(const std::vector<std::string>& first, std::string& failedStatement)
{
    for (const auto& sql : m_dialect.endTransaction())
        m_sink.execute(sql);
    for (const auto& sql : first) {
        failedStatement = sql;
        m_sink.execute(sql);
    }
    failedStatement.clear();
    for (const auto& sql : m_dialect.startTransaction())
        m_sink.execute(sql);
}

RevisionSavepoint::RevisionSavepoint(RunSink& sink, const Dialect& dialect) : m_sink(sink), m_dialect(dialect)
{
    m_sink.execute(m_dialect.savepoint(kRevisionSavepoint));
}

void RevisionSavepoint::release()
{
    m_sink.execute(m_dialect.releaseSavepoint(kRevisionSavepoint));
}

void RevisionSavepoint::rollback()
{
    undo();
    m_sink.execute(m_dialect.releaseSavepoint(kRevisionSavepoint));
}

void RevisionSavepoint::undo()
{
    m_sink.execute(m_dialect.rollbackToSavepoint(kRevisionSavepoint));
}

} // namespace tempest
