#include "errorlabel.h"

namespace HumasUi {

ErrorLabel::ErrorLabel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("errorLabel"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    setPalette(p);
    hide();
}

void ErrorLabel::showMessage(const QString &message)
{
    setText(message);
    setVisible(!message.isEmpty());
}

void ErrorLabel::clearMessage()
{
    clear();
    hide();
}

QString ErrorLabel::message() const
{
    return isHidden() ? QString() : text();
}

} // namespace HumasUi
