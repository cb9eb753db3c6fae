package dev.ops.srv.discovery;

/** A running watch of the registry; closing it stops the calls. */
public interface Watch extends AutoCloseable {

    /** Stops watching; waits for a call in progress to finish. */
    @Override
    void close();
}
