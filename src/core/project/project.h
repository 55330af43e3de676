#pragma once
// Project: an opened `tempest.json` — its configuration, dialect, revision graph and
// models — as every door (the CLI, Tempest Studio, the C++ API) sees it. The use cases
// in this folder (status.h, run_plan.h, autogenerate.h) take a Project and answer one
// question each; no front end answers them on its own.
//
// Thread-safety: a Project is used from one thread at a time (the graph is loaded on
// first use). Copies share the loaded graph and dialect, both immutable.

#include "core/dialect/dialect.h"
#include "core/ir/schema.h"
#include "core/project/project_config.h"
#include "core/revision/revision_graph.h"
#include "core/runner/migration_runner.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tempest {

/// What the process around a project provides.
struct ProjectEnvironment {
    /// The environment: TEMPEST_DATABASE, and PATH for a models command (which gets
    /// exactly these variables).
    std::map<std::string, std::string> variables;
    /// Where relative --config and --database paths start.
    std::string cwd;
    /// Receives a models command's stderr as it comes (empty: discarded).
    std::function<void(std::string_view)> stderrSink;
};

class Project {
public:
    /// Reads the project file at `configPath` (relative to environment.cwd); the database
    /// comes from `databaseFlag`, then TEMPEST_DATABASE, then the file. Throws InputError
    /// naming the file and JSON path.
    static Project open(const std::string& configPath, const std::string& databaseFlag,
                        ProjectEnvironment environment);
    Project(ProjectConfig config, ProjectEnvironment environment);

    const ProjectConfig& config() const { return m_config; }
    const ProjectEnvironment& environment() const { return m_environment; }
    const Dialect& dialect() const { return *m_dialect; }
    std::shared_ptr<const Dialect> sharedDialect() const { return m_dialect; }

    /// Every migration, loaded and validated on first use. Throws InputError: the
    /// migrations folder does not exist (a mistyped path must not look like an empty
    /// history), a file is invalid, the graph has a cycle or a dangling parent.
    const RevisionGraph& graph() const;
    std::shared_ptr<const RevisionGraph> sharedGraph() const;
    /// Loading warnings (dependsOn entries that are also parents), once the graph is loaded.
    std::vector<std::string> graphWarnings() const;

    /// The models: the IR file, or the models command's stdout. Throws InputError.
    Schema loadModels() const;

    RunnerOptions runnerOptions() const;
    IntrospectOptions introspectOptions() const;

private:
    ProjectConfig m_config;
    ProjectEnvironment m_environment;
    std::shared_ptr<const Dialect> m_dialect;
    mutable std::shared_ptr<const RevisionGraph> m_graph;
};

/// "<id> — <label>" (just the id when the label is empty).
std::string revisionLine(const std::string& id, const std::string& label);
/// "a, b, c".
std::string joinIds(const std::vector<std::string>& ids);

} // namespace tempest
