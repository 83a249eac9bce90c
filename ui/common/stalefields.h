#pragma once

#include <QHash>
#include <QList>
#include <QString>

class QWidget;

namespace Humas {
struct StaleField;
}

namespace HumasUi {

/**
 * The message for a save refused because fields changed underneath (ChangeWriter::patch),
 * with each field named by the label its editor has in the form ("Notes", "Fee") instead of
 * the column name; a field without an editor in @p editors keeps the name it came with.
 */
QString staleFieldsMessage(const QList<Humas::StaleField> &stale, const QHash<QString, QWidget *> &editors);

/** The text of the QFormLayout label of @p field, without "&" and the trailing colon; empty if none. */
QString formLabelOf(QWidget *field);

} // namespace HumasUi
