#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace HumasUi {

/** "Type another value…" for a sync conflict: both values for reference, a text to type. */
class SyncValueDialog : public QDialog
{
    Q_OBJECT
public:
    SyncValueDialog(const QString &what, const QString &mine, const QString &theirs, const QString &start,
                    QWidget *parent = nullptr);

    QString value() const;
    void setValue(const QString &value);

    /** Shows the dialog; false when cancelled. The seam below answers without showing it. */
    static bool ask(QWidget *parent, const QString &what, const QString &mine, const QString &theirs,
                    const QString &start, QString *value);
    /** The next ask() is not shown and returns @p value (a null QString: cancelled); for tests. */
    static void setNextAnswer(const QString &value);

private:
    QPlainTextEdit *m_value = nullptr;
};

} // namespace HumasUi
