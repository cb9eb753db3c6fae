package dev.ops.core.journal;

import dev.ops.core.store.StateStore;
import dev.ops.core.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The journal's fault suite on the embedded file store. */
class FileStoreJournalFaultTest extends JournalFaultContract {

    @Override
    String freshStore(Path tmp) {
        return TestStores.file(tmp.resolve("store"));
    }

    @Override
    List<String> damageOnlyThisStoreCanHave(String spec) throws Exception {
        try (StateStore store = TestStores.open(spec)) {
            store.put("journal/short", bytes("x"));
            Files.write(Path.of(store.locationOf("journal/short")), new byte[] {1, 2, 3});
        }
        return List.of("journal/short");
    }
}
