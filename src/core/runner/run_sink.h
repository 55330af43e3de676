#pragma once
// Where a run's statements go. Online and `--sql` are one loop (run_loop.h) with two
// sinks: DatabaseSink executes each statement through a Driver; SqlTextSink writes it
// as text, so `--sql` prints every statement, commit and check an online run performs.

#include "core/driver/driver.h"

#include <ostream>
#include <string>

namespace tempest {

class RunSink {
public:
    virtual ~RunSink() = default;
    /// Runs (or writes) one statement. A database sink throws DatabaseError.
    virtual void execute(const std::string& sql) = 0;
    /// A comment line: text output keeps it, a database ignores it.
    virtual void comment(const std::string& text) = 0;
    /// The database to read from (version table, catalog, integrity checks): the one
    /// being migrated, the live database an offline script is rendered for, or null.
    virtual Driver* reader() = 0;
    /// True when statements really run: failures can happen, the version table is read
    /// under the write lock and integrity problems are compared before and after.
    virtual bool executes() const = 0;
};

/// Executes through a driver.
class DatabaseSink final : public RunSink {
public:
    explicit DatabaseSink(Driver& driver) : m_driver(driver) {}
    void execute(const std::string& sql) override { m_driver.execute(sql); }
    void comment(const std::string&) override {}
    Driver* reader() override { return &m_driver; }
    bool executes() const override { return true; }

private:
    Driver& m_driver;
};

/// Writes `statement;` lines (and comments) to a stream; `live`, when given, is only
/// read (what the version table holds, the SQLite catalog a rebuild recreates from).
class SqlTextSink final : public RunSink {
public:
    SqlTextSink(std::ostream& out, Driver* live) : m_out(out), m_live(live) {}
    void execute(const std::string& sql) override { m_out << sql << ";\n"; }
    void comment(const std::string& text) override { m_out << text << "\n"; }
    Driver* reader() override { return m_live; }
    bool executes() const override { return false; }

private:
    std::ostream& m_out;
    Driver* m_live;
};

} // namespace tempest
