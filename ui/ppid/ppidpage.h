#pragma once

#include "ppid/ppiddialogprinting.h"

#include "auth/role.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QTimer;
class QToolBar;

namespace Humas {
class Database;
class PpidObjectionTableModel;
class PpidRegisterColorProxy;
class PpidRegisterModel;
} // namespace Humas

namespace HumasUi {

class PpidStatisticsWidget;

/**
 * The information desk's screen (issue 4): the request register and the objection register.
 *
 * The request register ("registerTable") reads PpidRegisterModel → PpidRegisterColorProxy:
 * rows are fetched lazily and sorted by clicking a header; the filter bar narrows it by
 * status ("statusFilter"), OPD ("opdFilter"), channel ("channelFilter"), year ("yearFilter")
 * and month ("monthFilter"), "overdueFilter" (terlambat), "dueSoonFilter" (due within 3
 * working days) and the search field ("searchEdit", Ctrl+F). Under it: the number of matching
 * requests ("countLabel") and the summary line ("summaryLabel": overdue · due this week). A
 * banner ("holidaysBanner") warns from 1 November when the coming year has no holidays.
 *
 * Actions: "ppidNewAction" (Ctrl+N, PpidIntakeDialog; only roles that may register),
 * "ppidOpenAction" (Enter or double-click: PpidRequestDialog), "ppidExportAction" (CSV of the
 * register, personal data masked unless the role may see it), "ppidRefreshAction" (F5).
 * The "Objections" tab ("objectionTable") lists the objection register (read when the tab
 * is shown).
 */
class PpidPage : public QWidget
{
    Q_OBJECT
public:
    PpidPage(Humas::Database &db, const Humas::Actor &actor, QWidget *parent = nullptr);
    ~PpidPage() override;

    /** How printRegister() prints (tests use None); default Preview. */
    void setPrintMode(PpidPrintMode mode) { m_printMode = mode; }
    /** Plain text of the last register document printed (for tests). */
    QString lastPrintedText() const { return m_lastPrinted; }
    PpidStatisticsWidget *statisticsWidget() const { return m_statistics; }

    Humas::PpidRegisterModel *registerModel() const { return m_model; }
    Humas::PpidObjectionTableModel *objectionModel() const { return m_objections; }
    QTableView *registerTable() const { return m_table; }
    QLineEdit *searchEdit() const { return m_search; }
    /** "4 overdue · 9 due this week". */
    QString summaryText() const;
    /** The id of the selected request, or empty. */
    QString selectedRequestId() const;
    /** Whether the banner about next year's missing holidays is shown. */
    bool isHolidaysWarningShown() const;

public Q_SLOTS:
    /** Opens the intake form for a new request (roles that may register only). */
    void newRequest();
    /** Opens request @p id in its own dialog. */
    void openRequest(const QString &id);
    /** Writes the register (the period of the year/month filter, all when none) to @p path as CSV. */
    bool exportCsv(const QString &path);
    /** Asks for a file name and exports (see exportCsv). */
    void exportCsvAs();
    /** Prints the request (or, on its tab, the objection) register of the chosen year or month. */
    void printRegister();
    /** Reads the registers, the filter lists and the holidays warning again. */
    void refresh();
    /** Recomputes the summary line and the count now (they follow a pause in typing otherwise). */
    void updateSummary();

protected:
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createFilterBar();
    void createTables();
    void retranslateUi();
    void fillFilterLists();
    void fillYearMonth();
    void applyFilters();
    void updateCount();
    void updateHolidaysBanner();
    void selectRequest(const QString &id);
    /** Reads the objection register if its tab is shown; otherwise when it is (@p changed: it is stale). */
    void updateObjections(bool changed);

    Humas::Database &m_db;
    Humas::Actor m_actor;
    bool m_canWrite = false;
    bool m_filling = false;
    bool m_objectionsStale = true;
    Humas::PpidRegisterModel *m_model = nullptr;
    Humas::PpidRegisterColorProxy *m_colors = nullptr;
    Humas::PpidObjectionTableModel *m_objections = nullptr;

    QToolBar *m_toolBar = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_filterLabel = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_opd = nullptr;
    QComboBox *m_channel = nullptr;
    QComboBox *m_year = nullptr;
    QComboBox *m_month = nullptr;
    QCheckBox *m_overdue = nullptr;
    QCheckBox *m_dueSoon = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_table = nullptr;
    QTableView *m_objectionTable = nullptr;
    PpidStatisticsWidget *m_statistics = nullptr;
    PpidPrintMode m_printMode = PpidPrintMode::Preview;
    QString m_lastPrinted;
    QString m_rememberedId; ///< the selected request across a reload of the register
    QTimer *m_summaryTimer = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_printAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_searchAction = nullptr;
};

} // namespace HumasUi
