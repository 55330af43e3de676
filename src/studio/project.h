#pragma once
// A Studio project: the loaded `tempest.json` (through the CLI's own loader, so both
// read it the same way) and what the Studio derives from it.

#include "core/cli/project_config.h"

#include <QString>

namespace tempest::studio {

struct Project {
    ProjectConfig config;

    /// Loads `tempest.json` at `path`; TEMPEST_DATABASE applies as in the CLI. Throws
    /// InputError naming the file.
    static Project load(const QString& path);

    QString title() const;
    /// The database as it may be shown (password masked).
    QString displayDatabase() const;
};

} // namespace tempest::studio
