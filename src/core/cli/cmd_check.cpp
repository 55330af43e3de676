// `check`: the CI gate. Prints projectStatus()'s findings the way check words them —
// drift (database ≠ models), uncaptured model changes (models ≠ the migrations' heads),
// edited applied migrations — and exits 1 when there is any. Notes (a column declared
// with another type of the same kind, e.g. BIGINT vs INTEGER on SQLite) are printed too
// but never fail the check.
#include "core/cli/cmd_common.h"
#include "core/cli/commands.h"

#include "core/project/status.h"

namespace tempest {

int cmdCheck(CliSession& session, const ParsedArgs& args)
{
    requirePositionals(args, 0, 0, "check");
    // Inputs first (a bad file is exit 2, not a finding, even with the database out of
    // reach); a missing SQLite file is an empty database. The database is opened and read
    // on a second thread while projectStatus loads the migrations and the models.
    const Project& project = session.project();
    const DatabaseOpener open = [&session] { return session.openDatabase(false); };
    // Only the findings: no schema kept for a caller that prints lines.
    const ProjectStatus status = projectStatus(project, open, StatusScope::FindingsOnly);
    session.graph();  // its loading warnings, before the findings

    const std::vector<std::string> lines = checkLines(status);
    const std::vector<std::string> notes = checkNotes(status);
    for (const std::string& line : lines)
        session.print(line);
    for (const std::string& note : notes)
        session.print(note);
    if (lines.empty())
        session.print("no drift; models match migrations");

    Json result = Json::object();
    Json drift = Json::array(), uncaptured = Json::array(), changed = Json::array();
    for (const std::string& line : lines) {
        if (line.rfind("drift: ", 0) == 0)
            drift.push_back(line);
        else if (line.rfind("uncaptured: ", 0) == 0)
            uncaptured.push_back(line);
        else
            changed.push_back(line);
    }
    Json findings = Json::array();
    for (const Finding& f : status.findings) {
        Json json = Json::object();
        json["kind"] = std::string(findingKindName(f.kind));
        json["subject"] = f.subject;
        json["text"] = f.text;
        findings.push_back(json);
    }
    result["lines"] = lines;
    result["findings"] = findings;
    result["drift"] = drift;
    result["uncaptured"] = uncaptured;
    result["changed"] = changed;
    result["notes"] = notes;
    result["behindHeads"] = status.behindHeads;
    result["pending"] = status.pending;
    session.result() = result;
    return lines.empty() ? 0 : 1;
}

} // namespace tempest
