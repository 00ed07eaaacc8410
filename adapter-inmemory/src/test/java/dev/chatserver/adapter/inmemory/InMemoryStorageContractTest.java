package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.contract.StorageContractSuite;
import dev.chatserver.application.port.out.Storage;

/** The one storage contract suite, run against memory. */
class InMemoryStorageContractTest extends StorageContractSuite {
    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }
}
