package dev.ops.proxmox;

import dev.ops.proxmox.internal.Dialect;

/** The smallest client on the shared transport, in either product's dialect: what the transport's own tests speak through. */
final class TestClient extends ProxmoxClient {
    private TestClient(Builder b) {
        super(b);
    }

    static Builder builder(Dialect dialect) {
        return new Builder(dialect);
    }

    /** Builds a {@link TestClient}. */
    static final class Builder extends ProxmoxClient.Settings<Builder> {
        Builder(Dialect dialect) {
            super(dialect);
        }

        @Override
        protected Builder self() {
            return this;
        }

        TestClient build() {
            return new TestClient(this);
        }
    }
}
