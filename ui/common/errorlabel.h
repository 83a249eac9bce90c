#pragma once

#include <QLabel>

namespace HumasUi {

/** The red message line of a dialog ("errorLabel"): hidden while there is nothing to say. */
class ErrorLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ErrorLabel(QWidget *parent = nullptr);

    void showMessage(const QString &message);
    void clearMessage();
    /** The message shown, or empty when hidden. */
    QString message() const;
};

} // namespace HumasUi
