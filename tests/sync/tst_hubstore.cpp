// The HubStore cases (hubstorecases.cpp) with the hub in an SQLite file.
#include "hubstorecases.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    HumasTest::SqliteHubBackend backend;
    const int failed = HumasTest::runHubStoreCases(backend, argc, argv);
    backend.tearDown();
    return failed;
}
