#include "enginetypes.h"

QString ProfileInfo::baseModelLabel() const
{
    if (baseModelHash.isEmpty())
        return QStringLiteral("—");
    // "sha256:9f2c4e..." -> "9f2c4e01"
    const int colon = baseModelHash.indexOf(QLatin1Char(':'));
    return baseModelHash.mid(colon + 1, 8);
}

void registerEngineTypes()
{
    qRegisterMetaType<GenerateRequest>();
    qRegisterMetaType<GeneratedSample>();
    qRegisterMetaType<ExportRequest>();
    qRegisterMetaType<ExportResult>();
    qRegisterMetaType<JobInfo>();
    qRegisterMetaType<JobProgress>();
    qRegisterMetaType<JobOutcome>();
    qRegisterMetaType<ProfileInfo>();
}
