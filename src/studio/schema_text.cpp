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
        text = column.sql.empty() ? QStringLiteral("(untyped)") : QString::fromStdString(column.sql);
    else if (column.type == ColumnType::Enum)
        text += QLatin1Char(' ') + QString::fromStdString(column.enumName);
    else if (column.length)
        text += QStringLiteral("(%1)").arg(*column.length);
    else if (column.precision && column.scale)
        text += QStringLiteral("(%1,%2)").arg(*column.precision).arg(*column.scale);
    else if (column.precision)
        text += QStringLiteral("(%1)").arg(*column.precision);
    return text + QStringLiteral("[]").repeated(column.arrayDims);
}

QString columnDetailText(const Column& column, bool primaryKey)
{
    QString text = columnTypeText(column);
    if (column.collation)
        text += QStringLiteral(" COLLATE ") + QString::fromStdString(*column.collation);
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
    if (column.generated)
        text += QStringLiteral(" GENERATED ALWAYS AS (%1) %2")
                    .arg(QString::fromStdString(*column.generated),
                         column.generatedStored ? QStringLiteral("STORED") : QStringLiteral("VIRTUAL"));
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

static QString deferralText(const Deferral& deferral)
{
    if (!deferral.deferrable)
        return {};
    return deferral.initiallyDeferred ? QStringLiteral(" DEFERRABLE INITIALLY DEFERRED") : QStringLiteral(" DEFERRABLE");
}

QString uniqueDetailText(const UniqueConstraint& unique)
{
    return QStringLiteral("UNIQUE (%1)").arg(joined(unique.columns)) + deferralText(unique.deferral);
}

QString foreignKeyDetailText(const ForeignKey& fk)
{
    QString text = QStringLiteral("FOREIGN KEY (%1) → %2(%3)")
                       .arg(joined(fk.columns), QString::fromStdString(fk.refTable), joined(fk.refColumns));
    if (fk.onDelete != FkAction::NoAction)
        text += QStringLiteral(" ON DELETE ") + QString::fromStdString(std::string(fkActionName(fk.onDelete))).toUpper();
    return text + deferralText(fk.deferral);
}

QString primaryKeyDetailText(const std::vector<std::string>& columns)
{
    return QStringLiteral("PRIMARY KEY (%1)").arg(joined(columns));
}

} // namespace tempest::studio
