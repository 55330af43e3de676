#pragma once
// FailureReport: what a failed use case tells a user, the same in every door — the exit
// code DESIGN.md gives it, the full text (revision, operation, statement, server message,
// passwords masked) the CLI prints after `error: ` and Studio's error dialog shows, and
// the `error` member of the CLI's --json document.

#include "core/ir/json.h"

#include <exception>
#include <string>

namespace tempest {

struct FailureReport {
    /// 1: the command ran and found a problem (a migration failed, a lock); 2: bad input.
    int exitCode = 2;
    /// May span lines; never holds a password.
    std::string text;
    /// {"message", "file", "jsonPath", "revision", "statement"} (+ "operation").
    Json error = nullptr;
};

/// The `error` object of the --json document (empty strings become null).
Json failureJson(const std::string& message, const std::string& file = {}, const std::string& jsonPath = {},
                 const std::string& revision = {}, const std::string& statement = {});

/// Describes `failure` (InputError, ConnectionError, MigrationFailed, DatabaseLocked,
/// DatabaseError, IrreversibleError, or any other exception). Never throws.
FailureReport reportFailure(std::exception_ptr failure);

} // namespace tempest
