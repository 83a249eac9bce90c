#include "common/stalefields.h"

#include "store/changewriter.h"

#include <QAbstractButton>
#include <QFormLayout>
#include <QLabel>
#include <QWidget>

namespace HumasUi {

namespace {

QString cleaned(QString text)
{
    text.remove(QLatin1Char('&'));
    text = text.trimmed();
    if (text.endsWith(QLatin1Char(':')))
        text.chop(1);
    return text.trimmed();
}

} // namespace

QString formLabelOf(QWidget *field)
{
    if (!field || !field->window())
        return {};
    // A check box carries its own text; an editor inside a row widget is labelled by the row.
    if (auto *button = qobject_cast<QAbstractButton *>(field); button && !button->text().isEmpty())
        return cleaned(button->text());
    const QList<QFormLayout *> forms = field->window()->findChildren<QFormLayout *>();
    for (QWidget *w = field; w && w != field->window(); w = w->parentWidget()) {
        for (QFormLayout *form : forms) {
            if (auto *label = qobject_cast<QLabel *>(form->labelForField(w)); label && !label->text().isEmpty())
                return cleaned(label->text());
        }
    }
    return {};
}

QString staleFieldsMessage(const QList<Humas::StaleField> &stale, const QHash<QString, QWidget *> &editors)
{
    QList<Humas::StaleField> labelled = stale;
    for (Humas::StaleField &f : labelled) {
        const QString label = formLabelOf(editors.value(f.field));
        if (!label.isEmpty())
            f.field = label;
    }
    return Humas::ChangeWriter::staleMessage(labelled);
}

} // namespace HumasUi
