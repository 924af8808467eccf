#include "annotation/supervision/project_identity.h"

#include "annotation/sqlite/statement.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUuid>

#include <array>

namespace sb::annotation::supervision {

namespace {

std::string randomSecretHex() {
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char*>(words.data()), static_cast<int>(sizeof(words)));
    return bytes.toHex().toStdString();
}

} // namespace

std::optional<ProjectIdentity> findProjectIdentity(ProjectStore& store) {
    auto query =
        store.database().prepare("SELECT project_uuid, package_secret FROM project_identity WHERE id = 1");
    if (!query.step()) {
        return std::nullopt;
    }
    return ProjectIdentity{query.columnText(0), query.columnText(1)};
}

ProjectIdentity projectIdentity(ProjectStore& store) {
    auto& db = store.database();
    auto read = [&] { return findProjectIdentity(store); };
    if (auto identity = read()) {
        return *identity;
    }
    auto transaction = store.beginTransaction();
    if (auto identity = read()) { // another process made it while we waited
        return *identity;
    }
    ProjectIdentity identity{QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(),
                             randomSecretHex()};
    db.prepare("INSERT INTO project_identity (id, project_uuid, package_secret, created_at_us) "
               "VALUES (1, ?1, ?2, ?3)")
        .bind(1, identity.projectId)
        .bind(2, identity.secret)
        .bind(3, store.now().count())
        .run();
    transaction.commit();
    return identity;
}

std::string hmacSha256Hex(std::string_view secretHex, std::string_view message) {
    const auto key =
        QByteArray::fromHex(QByteArray(secretHex.data(), static_cast<qsizetype>(secretHex.size())));
    const auto mac = QMessageAuthenticationCode::hash(
        QByteArray(message.data(), static_cast<qsizetype>(message.size())), key, QCryptographicHash::Sha256);
    return mac.toHex().toStdString();
}

} // namespace sb::annotation::supervision
