package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.contract.StorageContractSuite;
import dev.chatserver.application.port.out.Storage;

/** The one storage contract suite, run against PostgreSQL. */
class PostgresStorageContractTest extends StorageContractSuite {
    @Override
    protected Storage newStorage() {
        return PostgresTestDatabases.newStorage();
    }
}
