package dev.ops.srv.haproxy;

import dev.ops.core.error.ConflictException;

/** Draining or putting into maintenance the last server of a backend that takes traffic would answer 503 to everyone; refused. */
public class LastHealthyServerException extends ConflictException {

    /** Taking {@code server} of {@code backend} out was refused. */
    public LastHealthyServerException(String backend, String server, String verb) {
        super("server " + backend + "/" + server, "refusing to " + verb + " " + backend + "/" + server
                + ": it is the last server of the backend that takes traffic, and every request would get a 503", false);
    }
}
