package dev.ops.usr.account;

import dev.ops.core.error.Violations;

/** Shared field parsing of the account databases. */
final class Fields {
    private Fields() {}

    static long id(Violations v, String field, String text) {
        try {
            long id = Long.parseLong(text);
            AccountNames.checkId(v, field, id);
            return id;
        } catch (NumberFormatException e) {
            v.add(field, "'" + text + "' is not a number");
            return -1;
        }
    }
}
