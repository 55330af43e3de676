#pragma once
// CliSession: what every command works with — the output channels (human lines, or one
// JSON document with --json) and the Project (core/project), opened on first use. The
// commands ask the project's use cases and print their answers; none decides alone.

#include "core/cli/cli.h"
#include "core/ir/json.h"
#include "core/ir/schema.h"
#include "core/project/project.h"
#include "core/revision/revision_graph.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tempest {

struct GlobalOptions {
    std::string configPath = "tempest.json";
    std::string database;  // --database
    bool json = false;
};

class CliSession {
public:
    CliSession(const CliConfig& config, GlobalOptions options);

    const CliIo& io() const { return m_config.io; }
    /// Writes PNG files for `graph`; empty when the program around the CLI cannot paint.
    const PngWriter& pngWriter() const { return m_config.writePng; }
    bool jsonMode() const { return m_options.json; }

    /// A human line on stdout (suppressed with --json, where `result` carries the data).
    void print(std::string_view line);
    /// Text written to stdout in both modes (introspect's bare IR).
    void printRaw(std::string_view text);
    /// A warning: stderr `warning: …`, or the document's `warnings` with --json.
    void warn(const std::string& text);
    const std::vector<std::string>& warnings() const { return m_warnings; }
    /// The `result` member of the --json document.
    Json& result() { return m_result; }
    /// True when the command printed its own bare document (no envelope).
    bool rawOutput() const { return m_rawOutput; }

    /// The project, opened on first use. Throws InputError.
    const Project& project();
    const ProjectConfig& config() { return project().config(); }
    const Dialect& dialect() { return project().dialect(); }
    /// Every migration, loaded and validated on first use (warnings reported once).
    const RevisionGraph& graph();
    /// Opens the database. Throws InputError when none is configured. With mayCreate
    /// false, returns nullptr for a SQLite file that does not exist.
    DriverPtr openDatabase(bool mayCreate);

private:
    const CliConfig& m_config;
    GlobalOptions m_options;
    std::vector<std::string> m_warnings;
    Json m_result;
    bool m_rawOutput = false;
    std::optional<Project> m_project;
    bool m_graphWarned = false;
};

} // namespace tempest
