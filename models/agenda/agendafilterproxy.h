#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace Humas {

/**
 * Filters an AgendaModel by official (attending or requested), OPD, status, kecamatan and
 * free text (title, venue, kecamatan), and sorts by start. An empty filter lets everything
 * through; status -1 means every status. Every view of the agenda page reads through one
 * proxy, so the filters apply everywhere at once.
 */
class AgendaFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AgendaFilterProxy(QObject *parent = nullptr);

    QString officialId() const { return m_officialId; }
    void setOfficialId(const QString &id);
    QString opdId() const { return m_opdId; }
    void setOpdId(const QString &id);
    int status() const { return m_status; }
    void setStatus(int status);
    QString kecamatanId() const { return m_kecamatanId; }
    void setKecamatanId(const QString &id);
    QString text() const { return m_text; }
    void setText(const QString &text);
    /** Only events that clash with another. */
    bool onlyConflicts() const { return m_onlyConflicts; }
    void setOnlyConflicts(bool only);
    /** Whether any filter is set. */
    bool isFiltering() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    QString m_officialId;
    QString m_opdId;
    int m_status = -1;
    QString m_kecamatanId;
    QString m_text;
    bool m_onlyConflicts = false;
};

} // namespace Humas
