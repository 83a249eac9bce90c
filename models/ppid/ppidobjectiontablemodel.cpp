#include "ppid/ppidobjectiontablemodel.h"

#include "common/clock.h"
#include "common/datetext.h"
#include "common/logging.h"
#include "ppid/ppidobjectionrepository.h"
#include "ppid/ppidregistercolorproxy.h"
#include "settings/appsettings.h"
#include "store/changefeed.h"
#include "store/database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Humas {

PpidObjectionTableModel::PpidObjectionTableModel(Database &db, const Actor &actor, QObject *parent)
    : QAbstractTableModel(parent), m_db(db), m_actor(actor)
{
    // Once read, the register follows the commits that change what it shows.
    connect(m_db.changeFeed(), &ChangeFeed::committed, this, [this](const ChangeSet &changes) {
        if (m_loaded && changes.containsAny({QStringLiteral("ppid_objections"), QStringLiteral("ppid_requests"),
                                             QStringLiteral("holidays"), QStringLiteral("settings")}))
            reload();
    });
}

void PpidObjectionTableModel::reload()
{
    m_loaded = true;
    const AppSettings settings(m_db, m_actor);
    m_zone = settings.timeZone();
    m_today = Clock::instance()->nowUtc().toTimeZone(m_zone).date();
    QList<PpidObjection> rows = PpidObjectionRepository(m_db, m_actor).list();
    // Newest first, as the request register opens.
    std::reverse(rows.begin(), rows.end());
    // The registration numbers of the requests objected to, in one query.
    QHash<QString, QString> numbers;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT r.id, r.reg_number FROM ppid_requests r WHERE r.id IN "
                              "(SELECT o.request_id FROM ppid_objections o WHERE o.deleted = 0)"))) {
        while (q.next())
            numbers.insert(q.value(0).toString(), q.value(1).toString());
    } else {
        qCWarning(lcModels) << "objection register: request numbers:" << q.lastError().text();
    }
    beginResetModel();
    m_rows = rows;
    m_requestNumbers = numbers;
    endResetModel();
}

int PpidObjectionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PpidObjectionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool PpidObjectionTableModel::isOverdue(const PpidObjection &objection) const
{
    return objection.atasanDecision.isEmpty() && objection.dueDate.isValid() && objection.dueDate < m_today;
}

QVariant PpidObjectionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PpidObjection &o = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(o, index.column());
    case Qt::ToolTipRole:
        if (index.column() == GroundColumn)
            return PpidObjection::groundDescription(o.ground);
        if (index.column() == SummaryColumn || index.column() == ResponseColumn)
            return displayData(o, index.column());
        return {};
    case Qt::BackgroundRole:
        return isOverdue(o) ? QVariant(PpidRegisterColorProxy::overdueColor()) : QVariant();
    case Qt::DecorationRole:
        return index.column() == NumberColumn && isOverdue(o) ? QVariant(PpidRegisterColorProxy::overdueIcon())
                                                              : QVariant();
    case IdRole:
        return o.id;
    case RequestIdRole:
        return o.requestId;
    case OverdueRole:
        return isOverdue(o);
    default:
        return {};
    }
}

QVariant PpidObjectionTableModel::displayData(const PpidObjection &o, int column) const
{
    switch (column) {
    case NumberColumn:
        return o.number;
    case FiledColumn:
        return o.filedAt.isValid() ? DateText::date(o.filedAt.toTimeZone(m_zone).date()) : QString();
    case FiledByColumn:
        return o.filedBy;
    case RequestColumn:
        return m_requestNumbers.value(o.requestId);
    case GroundColumn:
        return o.ground.isEmpty() ? QString() : tr("Article 35(1) %1").arg(o.ground);
    case SummaryColumn:
        return o.summary;
    case DueColumn:
        return o.dueDate.isValid() ? DateText::date(o.dueDate) : QString();
    case DecisionColumn:
        return PpidObjectionRepository::decisionName(o.atasanDecision);
    case DecisionDateColumn:
        return o.atasanDecisionDate.isValid() ? DateText::date(o.atasanDecisionDate) : QString();
    case ResponseColumn:
        return o.requesterResponse;
    case DisputeColumn: {
        const QString stage = PpidObjectionRepository::disputeStageName(o.disputeStage);
        if (o.disputeOutcome.isEmpty())
            return stage;
        return tr("%1: %2").arg(stage, o.disputeOutcome);
    }
    default:
        return {};
    }
}

QVariant PpidObjectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Number");
    case FiledColumn:
        return tr("Filed");
    case FiledByColumn:
        return tr("Filed by");
    case RequestColumn:
        return tr("Request no.");
    case GroundColumn:
        return tr("Ground");
    case SummaryColumn:
        return tr("Case summary");
    case DueColumn:
        return tr("Answer due");
    case DecisionColumn:
        return tr("Atasan's decision");
    case DecisionDateColumn:
        return tr("Decision date");
    case ResponseColumn:
        return tr("Requester's response");
    case DisputeColumn:
        return tr("Information Commission");
    default:
        return {};
    }
}

} // namespace Humas
