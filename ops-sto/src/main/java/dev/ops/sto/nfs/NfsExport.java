package dev.ops.sto.nfs;

import java.util.List;
import java.util.Objects;

/**
 * One exported directory and its clients, as an exports file holds it.
 *
 * @param path the exported directory (may hold spaces; written quoted)
 * @param clients its clients, in file order
 * @param file the file it is in ({@code /etc/exports} or one under {@code /etc/exports.d}); empty when built, not read
 */
public record NfsExport(String path, List<NfsClient> clients, String file) {

    public NfsExport {
        Objects.requireNonNull(path, "path");
        clients = List.copyOf(clients);
        Objects.requireNonNull(file, "file");
    }

    /** As one line of an exports file. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append(path.matches("[^\\s\"\\\\#]+") ? path : "\"" + path + "\"");
        for (NfsClient c : clients) {
            b.append(' ').append(c.render());
        }
        return b.toString();
    }
}
