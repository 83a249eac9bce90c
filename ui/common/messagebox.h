#pragma once

#include <QCoreApplication>
#include <QMessageBox>
#include <QString>

namespace HumasUi {

/**
 * The program's message boxes, behind a seam tests can drive (like KeePassXC's
 * MessageBox::setNextAnswer): when an answer is queued, the next call returns it without
 * showing anything. Buttons carry our own translated texts, because Qt ships no Indonesian
 * strings for its standard buttons.
 */
class MessageBox
{
    Q_DECLARE_TR_FUNCTIONS(HumasUi::MessageBox)
public:
    using Button = QMessageBox::StandardButton;
    using Buttons = QMessageBox::StandardButtons;

    static Button question(QWidget *parent, const QString &title, const QString &text,
                           Buttons buttons = Buttons(QMessageBox::Yes | QMessageBox::No),
                           Button defaultButton = QMessageBox::No);
    static Button information(QWidget *parent, const QString &title, const QString &text);
    static Button critical(QWidget *parent, const QString &title, const QString &text);

    /** The next message box is not shown; it returns @p answer at once. */
    static void setNextAnswer(Button answer);
    /** Text of the most recent message (shown or answered by the seam); for tests. */
    static QString lastText();

    /** Our translated text for a standard button. */
    static QString buttonText(Button button);

private:
    static Button show(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                       Buttons buttons, Button defaultButton);
};

} // namespace HumasUi
