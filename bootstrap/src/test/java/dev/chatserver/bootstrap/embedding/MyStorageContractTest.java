package dev.chatserver.bootstrap.embedding;

import dev.chatserver.adapter.inmemory.InMemoryStorage;
import dev.chatserver.application.contract.StorageContractSuite;
import dev.chatserver.application.port.out.Storage;

/** An embedder's own storage, run through the whole storage contract; here the in-memory one stands in for it. */
class MyStorageContractTest extends StorageContractSuite {
    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }
}
