package dev.ops.net.ipam;

/** What an address range is for. */
public enum Pool {
    /** Virtual machines ({@code vms} in config files). */
    VM("vms"),
    /** LXC containers ({@code containers} in config files). */
    CONTAINER("containers");

    private final String configName;

    Pool(String configName) {
        this.configName = configName;
    }

    /** The key of this pool's range in YAML/JSON config. */
    public String configName() {
        return configName;
    }
}
