#include "syncconflictmark.h"

#include "agenda/warningmark.h"
#include "sync/syncconflicts.h"
#include "sync/syncconflicttext.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QLineEdit>
#include <QScrollBar>
#include <QToolTip>

namespace HumasUi {

namespace {

constexpr int MarkSize = 18;
const char *const MarkActionName = "syncConflictAction";

std::function<void()> &openHandler()
{
    static std::function<void()> handler;
    return handler;
}

void openSyncPage()
{
    if (openHandler())
        openHandler()();
}

/** The line edit of a field, when it is one or has one (an editable combo). */
QLineEdit *lineEditOf(QWidget *field)
{
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        return edit;
    if (auto *combo = qobject_cast<QComboBox *>(field))
        return combo->lineEdit();
    return nullptr;
}

} // namespace

void SyncConflictMark::setOpenSyncPageHandler(std::function<void()> handler)
{
    openHandler() = std::move(handler);
}

void SyncConflictMark::clearFields(const QHash<QString, QWidget *> &fields)
{
    for (QWidget *field : fields) {
        if (!field)
            continue;
        if (QLineEdit *edit = lineEditOf(field)) {
            const QList<QAction *> actions = edit->actions();
            for (QAction *action : actions) {
                if (action->objectName() == QLatin1String(MarkActionName))
                    delete action;
            }
        }
        const QList<SyncConflictMark *> marks = field->findChildren<SyncConflictMark *>(Qt::FindDirectChildrenOnly);
        qDeleteAll(marks);
        field->setProperty("syncConflict", QVariant());
    }
}

int SyncConflictMark::markFields(Humas::Database &db, const QString &entity, const QString &rowId,
                                 const QHash<QString, QWidget *> &fields)
{
    clearFields(fields);
    if (rowId.isEmpty())
        return 0;
    const QList<Humas::SyncConflict> conflicts = Humas::SyncConflicts(db).openConflicts(entity, rowId);
    const SyncConflictText text(db);
    // One mark per widget: a widget may edit several fields (start and end), "*" takes the rest.
    QList<QWidget *> order;
    QHash<QWidget *, QStringList> summaries;
    for (const Humas::SyncConflict &c : conflicts) {
        QWidget *field = fields.value(c.field, fields.value(QStringLiteral("*")));
        if (!field)
            continue;
        if (!summaries.contains(field))
            order << field;
        summaries[field] << text.summary(c);
        field->setProperty("syncConflict", c.id);
    }
    for (QWidget *field : std::as_const(order)) {
        const QString summary = summaries.value(field).join(QStringLiteral("\n\n"));
        if (QLineEdit *edit = lineEditOf(field)) {
            QAction *action = edit->addAction(WarningMark::icon(), QLineEdit::TrailingPosition);
            action->setObjectName(QLatin1String(MarkActionName));
            action->setToolTip(summary);
            action->setText(tr("Sync conflict"));
            connect(action, &QAction::triggered, edit, [edit, summary] {
                QToolTip::showText(edit->mapToGlobal(QPoint(edit->width(), edit->height())), summary, edit);
                openSyncPage();
            });
        } else {
            new SyncConflictMark(field, summary);
        }
    }
    return order.size();
}

SyncConflictMark::SyncConflictMark(QWidget *field, const QString &text) : QToolButton(field), m_field(field)
{
    setObjectName(QStringLiteral("syncConflictMark"));
    setIcon(WarningMark::icon());
    setIconSize(QSize(MarkSize - 4, MarkSize - 4));
    setFixedSize(MarkSize, MarkSize);
    setAutoRaise(true);
    setCursor(Qt::PointingHandCursor);
    setToolTip(text);
    setAccessibleName(tr("Sync conflict"));
    setAccessibleDescription(text);
    setFocusPolicy(Qt::NoFocus); // the field keeps the keyboard; its tooltip says the same
    connect(this, &QToolButton::clicked, this, &SyncConflictMark::onClicked);
    field->installEventFilter(this);
    place();
    show();
    raise();
}

bool SyncConflictMark::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        place();
    return QToolButton::eventFilter(watched, event);
}

void SyncConflictMark::place()
{
    int right = m_field->width() - 2;
    if (auto *area = qobject_cast<QAbstractScrollArea *>(m_field)) {
        if (area->verticalScrollBar()->isVisible())
            right -= area->verticalScrollBar()->width();
    } else if (qobject_cast<QComboBox *>(m_field) || qobject_cast<QAbstractSpinBox *>(m_field)) {
        right -= 20; // keep the drop-down arrow or the spin buttons free
    }
    move(right - width(), qMax(0, (qMin(m_field->height(), 28) - height()) / 2));
}

void SyncConflictMark::onClicked()
{
    QToolTip::showText(mapToGlobal(QPoint(0, height())), toolTip(), this);
    openSyncPage();
}

} // namespace HumasUi
