#include "core/project/failure_report.h"

#include "core/driver/driver.h"
#include "core/ir/errors.h"
#include "core/ops/operation.h"
#include "core/runner/migration_runner.h"

namespace tempest {

Json failureJson(const std::string& message, const std::string& file, const std::string& jsonPath,
                 const std::string& revision, const std::string& statement)
{
    auto orNull = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
    Json json = Json::object();
    json["message"] = message;
    json["file"] = orNull(file);
    json["jsonPath"] = orNull(jsonPath);
    json["revision"] = orNull(revision);
    json["statement"] = orNull(statement);
    return json;
}

FailureReport reportFailure(std::exception_ptr failure)
{
    FailureReport f;
    try {
        std::rethrow_exception(failure);
    } catch (const InputError& e) {
        f.text = e.what();
        f.error = failureJson(e.message(), e.file(), e.jsonPath(), e.revision());
    } catch (const ConnectionError& e) {
        f.text = maskPassword(e.what());
        f.error = failureJson(f.text);
    } catch (const MigrationFailed& e) {
        f.exitCode = 1;
        const std::string what = e.cancelled() ? "was cancelled" : "failed";
        f.text = "revision " + e.revision() + " " + what + " and was rolled back; earlier revisions stay applied";
        if (!e.operation().empty())
            f.text += "\n  operation: " + e.operation();
        if (!e.statement().empty())
            f.text += "\n  statement: " + maskPassword(e.statement());
        f.text += "\n  cause: " + maskPassword(e.cause());
        Json error = failureJson("revision " + e.revision() + " " + what + " and was rolled back: " + maskPassword(e.cause()),
                               {}, {}, e.revision(), maskPassword(e.statement()));
        error["operation"] = e.operation().empty() ? Json(nullptr) : Json(e.operation());
        f.error = error;
    } catch (const DatabaseLocked& e) {
        f.exitCode = 1;
        f.text = e.what();
        f.error = failureJson(f.text);
    } catch (const DatabaseError& e) {
        // Busy past the timeout is a problem found (1); anything else means the database
        // could not be read as a tempest database (2).
        f.exitCode = e.isBusy() ? 1 : 2;
        f.text = (e.isBusy() ? "database is locked by another process: " : "database error: ") +
                 maskPassword(e.serverMessage());
        if (!e.statement().empty())
            f.text += "\n  statement: " + maskPassword(e.statement());
        f.error = failureJson(maskPassword(e.serverMessage()), {}, {}, {}, maskPassword(e.statement()));
    } catch (const IrreversibleError& e) {
        f.text = e.what();
        f.error = failureJson(e.what());
    } catch (const std::exception& e) {
        f.text = maskPassword(e.what());
        f.error = failureJson(f.text);
    } catch (...) {
        f.text = "unknown error";
        f.error = failureJson(f.text);
    }
    return f;
}

} // namespace tempest
