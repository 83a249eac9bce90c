#pragma once

#include <QDate>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace Humas {
class AgendaModel;
}

namespace HumasUi {

/**
 * The conflict list of the visible range: one row per clash (kind, official or venue, the
 * two events, the day). Activating a row (click, Enter) asks the page to open that day with
 * the first event selected. Rebuilt whenever the AgendaModel reloads.
 */
class ConflictListView : public QWidget
{
    Q_OBJECT
public:
    explicit ConflictListView(Humas::AgendaModel *model, QWidget *parent = nullptr);

    /** Number of listed conflicts. */
    int count() const;
    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    /** The user picked a conflict: open @p day, select @p eventId. */
    void dayRequested(const QDate &day, const QString &eventId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void retranslateUi();
    void activate(QTreeWidgetItem *item);

    Humas::AgendaModel *m_model;
    QLabel *m_title = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace HumasUi
