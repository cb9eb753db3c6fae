package dev.ops.core.store;

class InMemoryStateStoreTest extends StateStoreContract {
    private final InMemoryStateStore store = InMemoryStateStore.create();

    @Override
    StateStore store() {
        return store;
    }
}
