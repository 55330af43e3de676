#pragma once
// RevisionGraphModel: one row per revision, newest first, with its lane layout and its
// state against the database (applied or pending, head, current = an applied head).

#include "core/revision/revision_graph.h"
#include "core/revision/graph_layout.h"

#include <QAbstractListModel>

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace tempest::studio {

class RevisionGraphModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        RevisionIdRole = Qt::UserRole + 1,
        LabelRole,
        AppliedRole,   // bool
        HeadRole,      // bool: no child revision
        CurrentRole,   // bool: applied, and no applied child
        LaneRole,      // int
        MergeRole,     // bool: two or more parents
        FileRole,      // QString: the migration file
    };

    explicit RevisionGraphModel(QObject* parent = nullptr);

    /// `applied`: the version table's ids (any order).
    void setGraph(std::shared_ptr<const RevisionGraph> graph, const std::vector<std::string>& applied);
    const RevisionGraph* graph() const { return m_graph.get(); }
    const DagLayout& layout() const { return m_layout; }
    const DagRow& rowAt(int row) const { return m_layout.rows[std::size_t(row)]; }
    /// Row of a revision, -1 when unknown.
    int rowOf(const QString& revision) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const RevisionGraph> m_graph;
    DagLayout m_layout;
    std::set<std::string> m_applied;
    std::set<std::string> m_heads;
    std::set<std::string> m_current;
};

} // namespace tempest::studio
