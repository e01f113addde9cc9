#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

#include "mainwindow.h"
#include "screenshottour.h"
#include "studio.h"

namespace {

// The interface language: the setting when set, else the system's; English is the source text.
void installTranslators(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("csm_studio"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("csm-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("CSM Studio"));
    QApplication::setApplicationVersion(QStringLiteral(CSM_STUDIO_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("csm-studio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/csm-studio.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CSM Studio: fine-tune Sesame CSM-1B on your own voice."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption libraryOption(QStringLiteral("library"), QStringLiteral("Use voice library DIR for this run."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption languageOption(QStringLiteral("language"), QStringLiteral("Interface language (en, de, fr) for this run."),
                                            QStringLiteral("LANG"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Save a PNG of every page and dialog into DIR, then quit."),
                                              QStringLiteral("DIR"));
    const QCommandLineOption settingsOption(QStringLiteral("settings"), QStringLiteral("Read and write settings in FILE (an .ini)."),
                                            QStringLiteral("FILE"));
    parser.addOptions({libraryOption, languageOption, screenshotOption, settingsOption});
    parser.process(app);

    Studio studio(parser.value(settingsOption));
    installTranslators(app, parser.isSet(languageOption) ? parser.value(languageOption) : studio.settings().language.get());
    if (parser.isSet(libraryOption))
        studio.library().setRoot(QDir(parser.value(libraryOption)).absolutePath());

    MainWindow window(&studio);
    window.show();
    if (parser.isSet(screenshotOption)) {
        const QString dir = parser.value(screenshotOption);
        QTimer::singleShot(300, &window, [&window, dir] {
            const QStringList files = ScreenshotTour(&window).run(dir);
            for (const QString &f : files)
                std::printf("%s\n", qPrintable(f));
            QApplication::quit();
        });
    }
    return app.exec();
}
