#include "messagebox.h"

#include <QPushButton>

namespace HumasUi {

namespace {
QMessageBox::StandardButton s_nextAnswer = QMessageBox::NoButton;
QString s_lastText;
} // namespace

void MessageBox::setNextAnswer(Button answer)
{
    s_nextAnswer = answer;
}

QString MessageBox::lastText()
{
    return s_lastText;
}

QString MessageBox::buttonText(Button button)
{
    switch (button) {
    case QMessageBox::Ok:
        return tr("OK");
    case QMessageBox::Cancel:
        return tr("Cancel");
    case QMessageBox::Yes:
        return tr("Yes");
    case QMessageBox::No:
        return tr("No");
    case QMessageBox::Save:
        return tr("Save");
    case QMessageBox::Discard:
        return tr("Discard");
    case QMessageBox::Close:
        return tr("Close");
    default:
        return {};
    }
}

MessageBox::Button MessageBox::show(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                                    Buttons buttons, Button defaultButton)
{
    s_lastText = text;
    if (s_nextAnswer != QMessageBox::NoButton) {
        const Button answer = s_nextAnswer;
        s_nextAnswer = QMessageBox::NoButton;
        return answer;
    }
    QMessageBox box(icon, title, text, QMessageBox::NoButton, parent);
    for (int bit = QMessageBox::FirstButton; bit <= QMessageBox::LastButton; bit <<= 1) {
        const auto button = Button(bit);
        if (!buttons.testFlag(button))
            continue;
        QPushButton *pushButton = box.addButton(button);
        const QString label = buttonText(button);
        if (!label.isEmpty())
            pushButton->setText(label);
    }
    if (defaultButton != QMessageBox::NoButton && buttons.testFlag(defaultButton))
        box.setDefaultButton(defaultButton);
    box.exec();
    return box.standardButton(box.clickedButton());
}

MessageBox::Button MessageBox::question(QWidget *parent, const QString &title, const QString &text, Buttons buttons,
                                        Button defaultButton)
{
    return show(parent, QMessageBox::Question, title, text, buttons, defaultButton);
}

MessageBox::Button MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    return show(parent, QMessageBox::Information, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

MessageBox::Button MessageBox::critical(QWidget *parent, const QString &title, const QString &text)
{
    return show(parent, QMessageBox::Critical, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

} // namespace HumasUi
