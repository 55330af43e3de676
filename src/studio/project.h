#pragma once
// Opening a project in the Studio: the core's Project (core/project), given the
// process environment the way the CLI gives it (TEMPEST_DATABASE, PATH for a models
// command), and the texts the window shows about it.

#include "core/project/project.h"

#include <QString>

#include <string>

namespace tempest::studio {

/// The process environment and working directory; a models command's stderr goes to
/// `stderrText` when given (the caller owns it and reads it on the same thread).
ProjectEnvironment studioEnvironment(std::string* stderrText = nullptr);

/// Loads `tempest.json` at `path`; a non-empty `database` (the connection chosen in
/// Studio for this session) overrides the file and TEMPEST_DATABASE, as `--database`
/// does for the CLI. Throws InputError naming the file.
tempest::Project openStudioProject(const QString& path, const std::string& database = {});

/// The project folder's name.
QString projectTitle(const tempest::Project& project);
/// The database as it may be shown (password masked).
QString projectDatabase(const tempest::Project& project);

} // namespace tempest::studio
