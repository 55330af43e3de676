#pragma once
// Which tables the integrity check after a revision reads. A run keeps the database's
// foreign keys off (SQLite: the table rebuilds need it), so each revision is checked for
// the violations it leaves. Checking the whole database after each revision made an
// upgrade quadratic in the number of tables (10,000 revisions that each add a table: the
// last check reads 10,000 tables); the rows a revision can break are those of the tables
// it changes and of their children, so that is what is read.

#include "core/dialect/dialect.h"
#include "core/ir/schema.h"
#include "core/ops/operation.h"

#include <string>
#include <utility>
#include <vector>

namespace tempest {

/// (child table, parent table): one foreign key of the live database.
using ForeignKeyEdges = std::vector<std::pair<std::string, std::string>>;

/// Whether an operation can leave violations in the rows of tables that reference the
/// one it changes: dropping or renaming a table, a rebuild (a type change can change a
/// key's value), dropping or renaming a column, changing a primary key, dropping a unique
/// constraint or an index (the parent key an FK needs), and `execute`.
bool canBreakChildren(const Operation& op);

/// The scope of `ops`: the whole database when one is an `execute` (raw SQL can change
/// any row); otherwise the tables they change (both names of a rename, the parent of an
/// added foreign key) and, when one of them canBreakChildren, every table whose foreign
/// keys point at a changed table, in `schema` (the schema before the revision) or in
/// `liveEdges` (the database's own: tables the revisions do not know). Names are matched
/// ignoring ASCII case, as SQLite does; the list is sorted and distinct.
IntegrityScope integrityScope(const std::vector<Operation>& ops, const Schema& schema,
                              const ForeignKeyEdges* liveEdges);

/// Keeps `edges` true to the database after `ops` ran: renamed tables are renamed on both
/// ends (SQLite rewrites the children's references too).
void applyRenames(ForeignKeyEdges& edges, const std::vector<Operation>& ops);

} // namespace tempest
