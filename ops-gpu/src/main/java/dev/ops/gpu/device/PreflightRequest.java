package dev.ops.gpu.device;

import java.util.Objects;

/**
 * What a passthrough preflight should assume about the guest: the ROM file it will be given, whether
 * it boots with OVMF (UEFI), and whether the whole slot or the GPU function alone goes to it.
 */
public final class PreflightRequest {
    private final String romfile;
    private final boolean ovmf;
    private final boolean allFunctions;
    private final String romDirectory;

    private PreflightRequest(Builder b) {
        this.romDirectory = b.romDirectory;
        this.romfile = b.romfile;
        this.ovmf = b.ovmf;
        this.allFunctions = b.allFunctions;
    }

    /** A builder: no ROM file, SeaBIOS, the whole slot. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ROM file under {@code /usr/share/kvm} the guest gets; empty for the card's own ROM. */
    public String romfile() {
        return romfile;
    }

    /** Where the node keeps ROM files, {@code /usr/share/kvm} as Proxmox has it. */
    public String romDirectory() {
        return romDirectory;
    }

    /** Whether the guest boots with OVMF. */
    public boolean ovmf() {
        return ovmf;
    }

    /** Whether every function of the slot goes to the guest. */
    public boolean allFunctions() {
        return allFunctions;
    }

    /** Builds a {@link PreflightRequest}. */
    public static final class Builder {
        private String romfile = "";
        private boolean ovmf;
        private boolean allFunctions = true;
        private String romDirectory = "/usr/share/kvm";

        private Builder() {}

        /** Where the node keeps ROM files; {@code /usr/share/kvm} unless a test keeps them elsewhere. */
        public Builder romDirectory(String path) {
            this.romDirectory = Objects.requireNonNull(path, "romDirectory");
            return this;
        }

        /** The ROM file, a name under {@code /usr/share/kvm} as hostpci's {@code romfile} takes it. */
        public Builder romfile(String name) {
            this.romfile = Objects.requireNonNull(name, "romfile");
            return this;
        }

        /** The guest boots with OVMF (UEFI), so the ROM needs a UEFI image. */
        public Builder ovmf() {
            this.ovmf = true;
            return this;
        }

        /** Only the GPU function goes to the guest, not its siblings. */
        public Builder gpuFunctionOnly() {
            this.allFunctions = false;
            return this;
        }

        /** The request. */
        public PreflightRequest build() {
            return new PreflightRequest(this);
        }
    }
}
