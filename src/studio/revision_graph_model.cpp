#include "studio/revision_graph_model.h"

namespace tempest::studio {

RevisionGraphModel::RevisionGraphModel(QObject* parent) : QAbstractListModel(parent) {}

void RevisionGraphModel::setGraph(std::shared_ptr<const RevisionGraph> graph, const std::vector<std::string>& applied)
{
    beginResetModel();
    m_graph = std::move(graph);
    m_layout = m_graph ? layoutDag(*m_graph) : DagLayout{};
    m_applied.clear();
    m_heads.clear();
    m_current.clear();
    if (m_graph) {
        for (const auto& id : applied)
            if (m_graph->contains(id))
                m_applied.insert(id);
        for (const auto& head : m_graph->heads())
            m_heads.insert(head);
        for (const auto& id : m_applied) {
            bool appliedChild = false;
            for (const auto& child : m_graph->children(id))
                appliedChild = appliedChild || m_applied.count(child);
            if (!appliedChild)
                m_current.insert(id);
        }
    }
    endResetModel();
}

int RevisionGraphModel::rowOf(const QString& revision) const
{
    const std::string id = revision.toStdString();
    for (std::size_t i = 0; i < m_layout.rows.size(); ++i)
        if (m_layout.rows[i].revision == id)
            return int(i);
    return -1;
}

int RevisionGraphModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_layout.rows.size());
}

QVariant RevisionGraphModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_graph || index.row() >= rowCount())
        return {};
    const DagRow& row = m_layout.rows[std::size_t(index.row())];
    const Migration& m = m_graph->at(row.revision);
    const bool applied = m_applied.count(row.revision) > 0;
    switch (role) {
    case Qt::DisplayRole: {
        QString text = QString::fromStdString(m.revision);
        if (!m.label.empty())
            text += QStringLiteral(" — ") + QString::fromStdString(m.label);
        return text;
    }
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << QString::fromStdString(m.revision) + QStringLiteral(": ") + QString::fromStdString(m.label);
        lines << (applied ? tr("applied") : tr("pending"));
        if (!m.createdAt.empty())
            lines << tr("created %1").arg(QString::fromStdString(m.createdAt));
        return lines.join(QLatin1Char('\n'));
    }
    case RevisionIdRole: return QString::fromStdString(m.revision);
    case LabelRole: return QString::fromStdString(m.label);
    case AppliedRole: return applied;
    case HeadRole: return m_heads.count(row.revision) > 0;
    case CurrentRole: return m_current.count(row.revision) > 0;
    case LaneRole: return row.lane;
    case MergeRole: return m.downRevision.size() > 1;
    case FileRole: return QString::fromStdString(m.file);
    default: return {};
    }
}

} // namespace tempest::studio
