#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace Humas {
class AgendaFilterProxy;
struct AgendaDirectory;
} // namespace Humas

namespace HumasUi {

/**
 * The filters above the agenda: official, OPD, status, kecamatan, free text and "only
 * clashes". Each change goes straight to the AgendaFilterProxy, so every view follows at once.
 * The choices are refilled from the directory after each reload, keeping the selection.
 */
class AgendaFilterBar : public QWidget
{
    Q_OBJECT
public:
    AgendaFilterBar(Humas::AgendaFilterProxy *proxy, QWidget *parent = nullptr);

    /** Refills the official, OPD and kecamatan choices; keeps what was selected. */
    void setDirectory(const Humas::AgendaDirectory &directory);
    /** Clears every filter. */
    void clear();

    QComboBox *officialBox() const { return m_official; }
    QComboBox *opdBox() const { return m_opd; }
    QComboBox *statusBox() const { return m_status; }
    QComboBox *kecamatanBox() const { return m_kecamatan; }
    QLineEdit *searchEdit() const { return m_search; }
    QCheckBox *conflictsOnlyBox() const { return m_onlyConflicts; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillStatuses();
    void apply();

    Humas::AgendaFilterProxy *m_proxy;
    QLabel *m_label = nullptr;
    QComboBox *m_official = nullptr;
    QComboBox *m_opd = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_kecamatan = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_onlyConflicts = nullptr;
    bool m_filling = false;
};

} // namespace HumasUi
