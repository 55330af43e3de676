#include "studio/schema_text.h"

#include <QStringList>

namespace tempest::studio {

namespace {

QString joined(const std::vector<std::string>& names)
{
    QStringList list;
    for (const auto& n : names)
        list << QString::fromStdString(n);
    return list.join(QStringLiteral(", "));
}

} // namespace

QString columnTypeText(const Column& column)
{
    QString text = QString::fromStdString(std::string(typeName(column.type)));
    if (column.type == ColumnType::Custom)
        return column.sql.empty() ? QStringLiteral("(untyped)") : QString::fromStdString(column.sql);
    if (column.type == ColumnType::Enum)
        return text + QLatin1Char(' ') + QString::fromStdString(column.enumName);
    if (column.length)
        text += QStringLiteral("(%1)").arg(*column.length);
    else if (column.precision && column.scale)
        text += QStringLiteral("(%1,%2)").arg(*column.precision).arg(*column.scale);
    else if (column.precision)
        text += QStringLiteral("(%1)").arg(*column.precision);
    return text;
}

QString columnDetailText(const Column& column, bool primaryKey)
{
    QString text = columnTypeText(column);
    if (primaryKey)
        text += QStringLiteral(" PK");
    if (!column.nullable && !primaryKey)
        text += QStringLiteral(" NOT NULL");
    if (column.autoincrement)
        text += QStringLiteral(" AUTOINCREMENT");
    if (column.defaultValue) {
        const auto& d = *column.defaultValue;
        const QString value = QString::fromStdString(d.text);
        text += QStringLiteral(" DEFAULT ")
            + (d.kind == DefaultValue::Kind::String ? QLatin1Char('\'') + value + QLatin1Char('\'') : value);
    }
    return text;
}

QString indexDetailText(const Index& index)
{
    QStringList cols;
    for (const auto& c : index.columns)
        cols << QString::fromStdString(c.value);
    QString text = (index.unique ? QStringLiteral("UNIQUE (") : QStringLiteral("(")) + cols.join(QStringLiteral(", "))
        + QLatin1Char(')');
    if (index.where)
        text += QStringLiteral(" WHERE ") + QString::fromStdString(*index.where);
    return text;
}

QString uniqueDetailText(const UniqueConstraint& unique)
{
    return QStringLiteral("UNIQUE (%1)").arg(joined(unique.columns));
}

QString foreignKeyDetailText(const ForeignKey& fk)
{
    QString text = QStringLiteral("FOREIGN KEY (%1) → %2(%3)")
                       .arg(joined(fk.columns), QString::fromStdString(fk.refTable), joined(fk.refColumns));
    if (fk.onDelete != FkAction::NoAction)
        text += QStringLiteral(" ON DELETE ") + QString::fromStdString(std::string(fkActionName(fk.onDelete))).toUpper();
    return text;
}

QString primaryKeyDetailText(const std::vector<std::string>& columns)
{
    return QStringLiteral("PRIMARY KEY (%1)").arg(joined(columns));
}

} // namespace tempest::studio
