package dev.ops.usr.ssh;

/** Public keys generated once with ssh-keygen for tests that need no ssh-keygen of their own. */
final class Fixtures {
    private Fixtures() {}

    static final String ED25519_B64 = "AAAAC3NzaC1lZDI1NTE5AAAAIFSt5BX3DYBnXierFgBgSzJHwf/FGoPmyZo6BW/6t2Rw";
    static final String ED25519 = "ssh-ed25519 " + ED25519_B64 + " alice@laptop";
    /** {@code ssh-keygen -lf} of {@link #ED25519}. */
    static final String ED25519_DESCRIBED = "256 SHA256:X5vlu5sKB2mymrFRlAz6T/FqGWxnN4q3MQtEtVdWFdA alice@laptop (ED25519)";
    static final String RSA_B64 = "AAAAB3NzaC1yc2EAAAADAQABAAABAQCqpGeBIOMxYN5FUgo5CBWSSPDFmmEkG8fWWLDRl49ZfIKtgchYj3QJY3gLafDmghN5oSym+MsbQMDuWT42Q/F9tQoL1tgU/c2XS6jcneTR//n3hzqjcGRjZjIvBardZFnYdZIA8lRWI1KP4zAu2KypvXqnzQlHc02xbpzE2YM/hOv2rUoUYq+C2zwZMFz/dxxxjeMY92j74uoxHQYrkAcYs2qJzcXYcYzOxPg0mZpQLqGmx/fV5sz4JCuPMvGt5abudCwsW8e60B9so54lXG1oUMWT51ITr9cY77qufdxBWdC7Db26E30yXnkhqTw+IDxD/SCpaJuFxb/R+oAqHwHb";
    static final String RSA = "ssh-rsa " + RSA_B64 + " bob";
}
