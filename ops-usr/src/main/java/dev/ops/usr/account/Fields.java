package dev.ops.usr.account;

import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;

/** Shared field parsing of the account databases. */
final class Fields {
    private Fields() {}

    static long id(Violations v, String field, String text) {
        try {
            if (!AsciiNumbers.isDigits(text)) {
                // Long.parseLong would take any script's digits ("١٠٠٠" is 1000) and a sign
                throw new NumberFormatException(text);
            }
            long id = AsciiNumbers.parseLong(text);
            AccountNames.checkId(v, field, id);
            return id;
        } catch (NumberFormatException e) {
            v.add(field, "'" + text + "' is not a number in ASCII digits");
            return -1;
        }
    }
}
