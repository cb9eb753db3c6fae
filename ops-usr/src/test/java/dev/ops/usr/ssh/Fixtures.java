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
    /** OpenSSH 10 can no longer make DSA keys, so one is kept here with its {@code ssh-keygen -lf} line from OpenSSH 9.2. */
    static final String DSA = "ssh-dss AAAAB3NzaC1kc3MAAACBAPDO5yNpGIWeBKUZlSj7V/1wUmQNQkMNfzHxifG8ninPlpb0HBz4+6F24riC3BdRt55GU/1TfBdiJHlrH7N4UkDtniJehzZhepMrNgeDpqSHCAD3581+/OYoe2Q41zag1PI48j0MrZgQG7p/479ohpZwJ0c7tfJbOt/gIeXk8VMLAAAAFQDD9UaACQ7BEZLIJIUUeSEp1dtLjwAAAIEA8E58f0szqzrRwXh4mKEyBb3ayikjj8AxW0tWolIEKi1E53d2Wu+htBuTAhY0bA25ihukJ+MBW5/jdpC0rzXpa2mNCcQHmvoyyII70hRdA8bhYJ/mQNqTgS+RiaAY8b12V0OArsXbg82lRKkfpVIZT8NFaAveKl4MtxaasZmjx9cAAACAJTZSWFjUxP32lUOqX42vlmqMf7nifrlLjSKvoJTZ9nwRh1onIOHFLG0mv0FwuEQvuEXxmbiMIJWqMgTCmMc/Sv+ZgSk5DCwtXiQb/UlY7o58XnZK4dZzYUwhjOp88U4+mTA9esTff/hXs9f9KC/ho8MW1Xy4ySR3ZYmzFb0Tyg0= dsa-key";
    static final String DSA_DESCRIBED = "1024 SHA256:gM0mmQJOAodIXjAuXyJ2I64HUEpDgy5oVdQJUjBwPRI dsa-key (DSA)";
}
