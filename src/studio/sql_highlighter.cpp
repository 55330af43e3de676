#include "studio/sql_highlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace tempest::studio {

namespace {

QColor tint(int hue, const QPalette& palette)
{
    const bool darkBase = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl(hue, 170, darkBase ? 170 : 85);
}

} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument* document) : QSyntaxHighlighter(document)
{
    const QPalette palette = QGuiApplication::palette();
    QTextCharFormat keyword;
    keyword.setForeground(tint(220, palette));
    keyword.setFontWeight(QFont::Bold);
    QTextCharFormat string;
    string.setForeground(tint(120, palette));
    QTextCharFormat identifier;
    identifier.setForeground(tint(290, palette));
    QTextCharFormat number;
    number.setForeground(tint(30, palette));
    m_commentFormat.setForeground(palette.color(QPalette::Disabled, QPalette::Text));
    m_commentFormat.setFontItalic(true);

    const QString words = QStringLiteral(
        "SELECT|FROM|WHERE|INSERT|INTO|VALUES|UPDATE|SET|DELETE|CREATE|TABLE|INDEX|UNIQUE|DROP|ALTER|"
        "ADD|COLUMN|RENAME|TO|PRIMARY|KEY|FOREIGN|REFERENCES|ON|CASCADE|RESTRICT|NO|ACTION|DEFAULT|NULL|"
        "NOT|CHECK|CONSTRAINT|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|IMMEDIATE|AS|TYPE|USING|IF|"
        "EXISTS|AND|OR|IN|IS|INTEGER|TEXT|REAL|NUMERIC|BLOB|VARCHAR|BOOLEAN|TIMESTAMP|AUTOINCREMENT|"
        "GENERATED|BY|IDENTITY|ENUM|VIEW|TRIGGER|COMMENT|CAST");
    m_rules.push_back({QRegularExpression(QStringLiteral("\\b(?:%1)\\b").arg(words),
                                          QRegularExpression::CaseInsensitiveOption), keyword});
    m_rules.push_back({QRegularExpression(QStringLiteral("\\b\\d+(?:\\.\\d+)?\\b")), number});
    m_rules.push_back({QRegularExpression(QStringLiteral("\"(?:[^\"]|\"\")*\"")), identifier});
    m_rules.push_back({QRegularExpression(QStringLiteral("'(?:[^']|'')*'")), string});
}

void SqlHighlighter::highlightBlock(const QString& text)
{
    for (const Rule& rule : m_rules) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), rule.format);
        }
    }
    // Comments last, so a keyword inside one is not highlighted.
    const qsizetype comment = text.indexOf(QStringLiteral("--"));
    if (comment >= 0)
        setFormat(int(comment), int(text.size() - comment), m_commentFormat);
}

} // namespace tempest::studio
