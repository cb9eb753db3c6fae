package dev.ops.core.journal;

import dev.ops.core.store.UnreadableRecord;
import java.util.List;

/** Every readable apply record, oldest first, and every record of the journal that cannot be read. */
public record JournalScan(List<ApplyRecord> records, List<UnreadableRecord> unreadable) {

    public JournalScan {
        records = List.copyOf(records);
        unreadable = List.copyOf(unreadable);
    }
}
