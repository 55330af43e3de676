#pragma once
// RevisionGraphModel: one row per revision, newest first, with its lane layout and what
// core's graph picture knows of it (applied or pending, head, current = an applied head,
// date, label). Columns: the graph and id, the state in words, the date, the message —
// so applied/pending is text as well as a filled or hollow node.

#include "core/revision/graph_layout.h"
#include "core/revision/graph_picture.h"
#include "core/revision/revision_graph.h"

#include <QAbstractTableModel>

#include <memory>
#include <string>
#include <vector>

namespace tempest::studio {

class RevisionGraphModel : public QAbstractTableModel {
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
        StateKnownRole,  // bool: false offline (AppliedRole then means nothing)
    };
    enum Column { GraphColumn, StateColumn, DateColumn, LabelColumn, ColumnCount };

    explicit RevisionGraphModel(QObject* parent = nullptr);

    /// `applied`: the version table's ids (any order); `currentHeads`: the project
    /// layer's applied heads (RevisionState/ProjectStatus::currentHeads). `stateKnown`
    /// false (offline, not loaded): no revision is called applied or pending.
    void setGraph(std::shared_ptr<const RevisionGraph> graph, const std::vector<std::string>& applied,
                  const std::vector<std::string>& currentHeads, bool stateKnown = true);
    bool stateKnown() const { return m_stateKnown; }
    const RevisionGraph* graph() const { return m_graph.get(); }
    const DagLayout& layout() const { return m_layout; }
    const DagRow& rowAt(int row) const { return m_layout.rows[std::size_t(row)]; }
    /// What the picture says about each row (revisionFacts), in row order.
    const std::vector<RevisionFacts>& facts() const { return m_facts; }
    const RevisionFacts& factsAt(int row) const { return m_facts[std::size_t(row)]; }
    /// Row of a revision, -1 when unknown.
    int rowOf(const QString& revision) const;
    /// "applied, head, current" (translated): the state in words; "unknown (offline)"
    /// instead of applied/pending when `known` is false.
    static QString stateText(const RevisionFacts& facts, bool known = true);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString toolTip(const RevisionFacts& facts) const;

    std::shared_ptr<const RevisionGraph> m_graph;
    DagLayout m_layout;
    std::vector<RevisionFacts> m_facts;
    bool m_stateKnown = true;
};

} // namespace tempest::studio
