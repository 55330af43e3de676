#pragma once
// Parsing `--rename-table OLD:NEW` and `--rename-column TABLE.OLD:NEW`. A name may be
// double-quoted (a doubled quote inside stands for one), so names holding '.' or ':'
// can be given: `"a.b".c:d` is column c of table "a.b" renamed to d.

#include "core/project/autogenerate.h"

#include <string>

namespace tempest {

/// Throws UsageError naming the flag and the text when it is malformed.
RenameCandidate parseTableRename(const std::string& text);
RenameCandidate parseColumnRename(const std::string& text);

/// `Rename column "t.a" → "t.b"? [y/N]` / `Rename table "a" → "b"? [y/N]`.
std::string renameQuestion(const RenameCandidate& candidate);
/// `column "t.a" → "t.b"` / `table "a" → "b"`.
std::string describeRename(const RenameCandidate& candidate);
/// The flag that would confirm it: `--rename-column t.a:b`.
std::string renameFlag(const RenameCandidate& candidate);

} // namespace tempest
