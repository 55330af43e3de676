#pragma once
// RecordingDriver: a Driver that forwards to a real one and records every statement it
// runs, in order, marking reads (query()) apart from writes (execute()) — how the Studio
// tests check that a previewed plan is what the run executes.

#include "core/driver/driver.h"

#include <string>
#include <vector>

namespace tempest::test {

class RecordingDriver : public Driver {
public:
    struct Entry {
        std::string sql;
        bool query = false;  // through query() (rows returned), not execute()
    };

    explicit RecordingDriver(Driver& inner) : m_inner(inner) {}
    std::string dialectName() const override { return m_inner.dialectName(); }
    std::string description() const override { return m_inner.description(); }
    void execute(std::string_view sql, const std::vector<Value>& params = {}) override
    {
        m_entries.push_back({std::string(sql), false});
        m_inner.execute(sql, params);
    }
    ResultSet query(std::string_view sql, const std::vector<Value>& params = {}) override
    {
        m_entries.push_back({std::string(sql), true});
        return m_inner.query(sql, params);
    }
    void interrupt() override { m_inner.interrupt(); }

    const std::vector<Entry>& entries() const { return m_entries; }

private:
    Driver& m_inner;
    std::vector<Entry> m_entries;
};

} // namespace tempest::test
