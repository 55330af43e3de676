#pragma once
// EventLog: the "Event log" dock's content — every run's output (what was run, each
// revision applied or reverted with its time, errors in full), stamps, merges and load
// problems, one timestamped line each, kept until Clear. Read-only but selectable and
// copyable.

#include <QWidget>

class QPlainTextEdit;

namespace tempest::studio {

class EventLog : public QWidget {
    Q_OBJECT

public:
    explicit EventLog(QWidget* parent = nullptr);

    /// Appends `text` (several lines are indented under the first), with the time.
    void append(const QString& text);
    QString text() const;
    void clear();

private:
    QPlainTextEdit* m_text;
};

} // namespace tempest::studio
