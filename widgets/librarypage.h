#pragma once
#include <QWidget>

class ProfileDetailWidget;
class ProfileFilterProxyModel;
class ProfileTableModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QUndoStack;
class Studio;
struct GeneratedSample;
struct JobOutcome;

// The voice library: a sortable, filterable table of profiles and a detail pane. Deleting goes to
// the library's trash and onto the undo stack; import/export of archives runs as jobs.
class LibraryPage : public QWidget
{
    Q_OBJECT

public:
    LibraryPage(Studio *studio, QUndoStack *undoStack, QWidget *parent = nullptr);

    ProfileTableModel *model() const { return m_model; }
    ProfileFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    ProfileDetailWidget *detail() const { return m_detail; }
    QLineEdit *filterEdit() const { return m_filter; }
    QString folderBannerText() const;
    int selectedSpeakerId() const;  // -1 when none
    void selectSpeaker(int speakerId);
    QSplitter *splitter() const { return m_splitter; }

public Q_SLOTS:
    void reload();
    bool deleteSelected();
    void importArchive();
    void exportSelectedArchive();
    // Starts "generate sample" for a profile; false (and the reason shown) when it cannot start.
    bool generateSample(int speakerId, const QString &text);

Q_SIGNALS:
    void message(const QString &text);  // for the status bar

private:
    void selectionChanged();
    void jobFinished(const JobOutcome &outcome);
    void updateActions();

    Studio *m_studio;
    QUndoStack *m_undoStack;
    ProfileTableModel *m_model;
    ProfileFilterProxyModel *m_proxy;
    QLabel *m_folderBanner;
    QLineEdit *m_filter;
    QPushButton *m_import;
    QPushButton *m_export;
    QPushButton *m_delete;
    QTableView *m_view;
    QSplitter *m_splitter;
    ProfileDetailWidget *m_detail;
    int m_generateJob = 0;
    bool m_reloading = false;
};
