#include "studio/revision_graph_model.h"

namespace tempest::studio {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

QStringList qsList(const std::vector<std::string>& items)
{
    QStringList list;
    for (const auto& item : items)
        list << qs(item);
    return list;
}

} // namespace

RevisionGraphModel::RevisionGraphModel(QObject* parent) : QAbstractTableModel(parent) {}

void RevisionGraphModel::setGraph(std::shared_ptr<const RevisionGraph> graph, const std::vector<std::string>& applied,
                                  const std::vector<std::string>& currentHeads, bool stateKnown)
{
    beginResetModel();
    m_stateKnown = stateKnown;
    m_graph = std::move(graph);
    m_layout = m_graph ? layoutDag(*m_graph) : DagLayout{};
    m_facts = m_graph ? revisionFacts(*m_graph, m_layout, applied, currentHeads) : std::vector<RevisionFacts>{};
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

QString RevisionGraphModel::stateText(const RevisionFacts& facts, bool known)
{
    QStringList tags{!known ? tr("unknown (offline)") : facts.applied ? tr("applied") : tr("pending")};
    if (facts.head)
        tags << tr("head");
    if (known && facts.current)
        tags << tr("current");
    if (facts.merge())
        tags << tr("merge");
    return tags.join(QStringLiteral(", "));
}

QString RevisionGraphModel::toolTip(const RevisionFacts& f) const
{
    QStringList lines{qs(f.id)};
    if (!f.label.empty())
        lines << qs(f.label);
    if (!f.createdAt.empty())
        lines << tr("created: %1").arg(qs(revisionDateText(f.createdAt)));
    lines << tr("parents: %1").arg(f.parents.empty() ? tr("(base)") : qsList(f.parents).join(QStringLiteral(", ")));
    if (!f.file.empty())
        lines << tr("file: %1").arg(qs(f.file));
    lines << stateText(f, m_stateKnown);
    return lines.join(QLatin1Char('\n'));
}

int RevisionGraphModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_facts.size());
}

int RevisionGraphModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevisionGraphModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GraphColumn: return tr("Revision");
    case LabelColumn: return tr("Message");
    case DateColumn: return tr("Date");
    case StateColumn: return tr("State");
    default: return {};
    }
}

QVariant RevisionGraphModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const RevisionFacts& f = m_facts[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case GraphColumn: return qs(f.id);
        case LabelColumn: return qs(f.label);
        case DateColumn: return qs(revisionDateText(f.createdAt));
        case StateColumn: return stateText(f, m_stateKnown);
        default: return {};
        }
    case Qt::ToolTipRole: return toolTip(f);
    // Screen readers hear the state, which the graph column shows only as a filled or
    // hollow node.
    case Qt::AccessibleTextRole:
        return index.column() == GraphColumn ? tr("%1, %2").arg(qs(f.id), stateText(f, m_stateKnown))
                                             : data(index, Qt::DisplayRole);
    case Qt::AccessibleDescriptionRole: return toolTip(f);
    case RevisionIdRole: return qs(f.id);
    case LabelRole: return qs(f.label);
    case AppliedRole: return m_stateKnown && f.applied;
    case StateKnownRole: return m_stateKnown;
    case HeadRole: return f.head;
    case CurrentRole: return f.current;
    case LaneRole: return rowAt(index.row()).lane;
    case MergeRole: return f.merge();
    case FileRole: return qs(f.file);
    default: return {};
    }
}

} // namespace tempest::studio
