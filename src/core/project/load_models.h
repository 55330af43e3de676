#pragma once
// loadModels: the models of a project as IR — its IR JSON file, or the stdout of its
// models command (DESIGN.md "Project file"). The library entry point the CLI and the
// Studio share.

#include "core/project/models_command.h"
#include "core/project/project_config.h"
#include "core/ir/schema.h"

namespace tempest {

/// Reads `config`'s models. A models command runs in the project folder with
/// `environment` (empty = the process environment is not passed: give PATH), its
/// stderr going to `stderrSink`. Throws InputError naming the file or the command.
Schema loadModels(const ProjectConfig& config, const std::map<std::string, std::string>& environment = {},
                  std::function<void(std::string_view)> stderrSink = {});

} // namespace tempest
