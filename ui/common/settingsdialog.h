#pragma once

#include <QMap>

#include "auth/role.h"

#include <QByteArray>
#include <QDialog>

class QCheckBox;
class QTimeEdit;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Humas {
class Database;
}

namespace HumasUi {

class ErrorLabel;

/**
 * Settings: the regency's (name, letterhead, address, city, emblem, time zone, collective
 * leave) — editable by an administrator, read-only for everyone else — and this computer's
 * UI language, which anyone may change and which applies at once.
 */
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(Humas::Database &db, const Humas::Actor &actor, QWidget *parent = nullptr);

    bool isReadOnly() const { return m_readOnly; }
    /** Loads an emblem image to be stored on Save (the button's file dialog calls this). */
    bool setEmblemFile(const QString &fileName);
    QString errorText() const;

public Q_SLOTS:
    /** Validates and stores the regency settings; stays open with a message on refusal. */
    void save();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void load();
    /** The regency settings as the form holds them (keys of AppSettings). */
    QMap<QString, QString> formValues() const;
    void chooseEmblem();
    void showEmblem(const QByteArray &data);
    void applyLanguage(int index);
    void retranslateUi();

    Humas::Database &m_db;
    Humas::Actor m_actor;
    bool m_readOnly;
    QByteArray m_pendingEmblem;
    QMap<QString, QString> m_shown;  ///< formValues() right after load(): what the user started from
    QMap<QString, QString> m_stored; ///< the stored values of the same keys at load()

    QGroupBox *m_regencyGroup = nullptr;
    QGroupBox *m_computerGroup = nullptr;
    QFormLayout *m_regencyForm = nullptr;
    QFormLayout *m_computerForm = nullptr;
    QLabel *m_readOnlyNote = nullptr;
    QLineEdit *m_regencyName = nullptr;
    QPlainTextEdit *m_letterhead = nullptr;
    QLineEdit *m_officeAddress = nullptr;
    QLineEdit *m_city = nullptr;
    QHBoxLayout *m_emblemRow = nullptr;
    QLabel *m_emblemPreview = nullptr;
    QPushButton *m_emblemButton = nullptr;
    QComboBox *m_timeZone = nullptr;
    QCheckBox *m_cutiBersama = nullptr;
    QTimeEdit *m_workStart = nullptr;
    QTimeEdit *m_workEnd = nullptr;
    QLineEdit *m_ppidPattern = nullptr;
    QLineEdit *m_deskCode = nullptr;
    QHBoxLayout *m_workHoursRow = nullptr;
    QComboBox *m_language = nullptr;
    ErrorLabel *m_error = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace HumasUi
