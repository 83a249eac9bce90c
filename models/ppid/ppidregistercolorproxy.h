#pragma once

#include <QColor>
#include <QIcon>
#include <QIdentityProxyModel>

namespace Humas {

/**
 * Presentation of a PpidRegisterModel: overdue rows get a light vermillion fill and a warning
 * triangle, rows due within 3 working days a light amber fill and a clock, both in the number
 * column, so the mark does not rest on colour alone (the days-left column says it in words
 * too). Qt::ToolTipRole explains the mark; Qt::ForegroundRole keeps the text near-black on
 * the fills. Every other role, fetchMore and sort pass through to the register model.
 */
class PpidRegisterColorProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit PpidRegisterColorProxy(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QColor overdueColor();
    static QColor dueSoonColor();
    /** A vermillion triangle with "!", drawn at any size (no icon theme needed). */
    static QIcon overdueIcon();
    /** An amber clock face, drawn at any size. */
    static QIcon dueSoonIcon();
    /** "Overdue: due 3 November 2026, 2 working days late", "Due soon: …", or empty. */
    static QString markText(const QModelIndex &index);

private:
    QIcon m_overdueIcon;
    QIcon m_dueSoonIcon;
};

} // namespace Humas
