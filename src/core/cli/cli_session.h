#pragma once
// CliSession: what every command works with — the output channels (human lines, or one
// JSON document with --json), the project configuration, and lazily loaded inputs (the
// revision graph, the models, the dialect, the database), each loaded once.

#include "core/cli/cli.h"
#include "core/cli/project_config.h"
#include "core/dialect/dialect.h"
#include "core/ir/json.h"
#include "core/ir/schema.h"
#include "core/revision/revision_graph.h"
#include "core/runner/migration_runner.h"

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

    /// The project file, loaded on first use. Throws InputError.
    const ProjectConfig& project();
    const Dialect& dialect();
    /// Every migration, loaded and validated on first use (warnings reported).
    const RevisionGraph& graph();
    /// The models: the IR file or the models command's output. Throws InputError.
    Schema loadModels();
    /// Opens the database. Throws InputError when none is configured. With mayCreate
    /// false, returns nullptr for a SQLite file that does not exist.
    DriverPtr openDatabase(bool mayCreate);

    RunnerOptions runnerOptions();
    IntrospectOptions introspectOptions();

private:
    const CliConfig& m_config;
    GlobalOptions m_options;
    std::vector<std::string> m_warnings;
    Json m_result;
    bool m_rawOutput = false;
    std::optional<ProjectConfig> m_project;
    std::unique_ptr<Dialect> m_dialect;
    std::optional<RevisionGraph> m_graph;
};

} // namespace tempest
