package dev.ops.sys.support;

import dev.ops.core.host.Command;
import dev.ops.testkit.sandbox.SandboxHost;

/**
 * Builds tiny .deb packages with {@code dpkg-deb --build} inside a sandbox and serves them from a
 * file-based apt repository there ({@code deb [trusted=yes] file:/srv/ops-repo ./}), the only
 * source apt sees in the sandbox. The Packages index is written by hand (dpkg-scanpackages may be
 * missing).
 */
public final class LocalAptRepo {
    public static final String DIR = "/srv/ops-repo";

    private static final String SCRIPT = """
            set -e
            mkdir -p /srv/ops-repo /tmp/ops-build
            mk() {
              d=/tmp/ops-build/$1-$2; mkdir -p $d/DEBIAN $d/usr/share/doc/$1
              echo "$1 $2" > $d/usr/share/doc/$1/ops-test
              { echo "Package: $1"; echo "Version: $2"; echo "Architecture: all"; echo "Maintainer: ops <ops@example.invalid>"
                [ -n "$3" ] && echo "Depends: $3"; echo "Description: ops test package $1"; } > $d/DEBIAN/control
              dpkg-deb --root-owner-group -Zgzip --build $d /srv/ops-repo/$1_$2_all.deb >/dev/null
            }
            mk ops-lib 1.0 ""
            mk ops-app 1.0 "ops-lib (>= 1.0)"
            mk ops-tool 1.0 ""
            cd /srv/ops-repo
            for f in *.deb; do dpkg-deb -f "$f"; echo "Filename: ./$f"; echo "Size: $(stat -c %s "$f")"
              echo "SHA256: $(sha256sum "$f" | cut -d' ' -f1)"; echo; done > Packages
            rm -rf /etc/apt/sources.list.d/* /var/lib/apt/lists/*
            echo 'deb [trusted=yes] file:/srv/ops-repo ./' > /etc/apt/sources.list
            apt-get update -qq
            """;

    private LocalAptRepo() {}

    /** Builds ops-lib 1.0, ops-app 1.0 (depends on ops-lib) and ops-tool 1.0 in the sandbox and makes them apt's only source. */
    public static void create(SandboxHost sandbox) {
        sandbox.check(Command.builder().addArgv("sh", "-c", SCRIPT).putEnv("LC_ALL", "C").build());
    }

    /** The dpkg status line of a package inside the sandbox ({@code install ok installed}), or empty when dpkg does not know it. */
    public static String status(SandboxHost sandbox, String name) {
        return sandbox.run("dpkg-query", "-W", "-f=${Status}", name).stdoutText().strip();
    }
}
