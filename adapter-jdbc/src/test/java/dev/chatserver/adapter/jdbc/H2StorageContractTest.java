package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.contract.StorageContractSuite;
import dev.chatserver.application.port.out.Storage;

/** The one storage contract suite, run against H2. */
class H2StorageContractTest extends StorageContractSuite {
    @Override
    protected Storage newStorage() {
        return H2TestDatabases.newStorage();
    }
}
