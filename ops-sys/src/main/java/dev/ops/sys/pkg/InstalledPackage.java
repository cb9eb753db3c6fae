package dev.ops.sys.pkg;

/**
 * A package as dpkg's database records it ({@code dpkg-query -W}).
 *
 * @param name the package name
 * @param version the version (empty when dpkg knows the name but no version is installed)
 * @param architecture its architecture ({@code amd64}, {@code all})
 * @param want the selection state: {@code install}, {@code hold}, {@code deinstall}, {@code purge} or {@code unknown}
 * @param status the package status: {@code installed}, {@code config-files}, {@code not-installed}, {@code half-installed}...
 */
public record InstalledPackage(String name, String version, String architecture, String want, String status) {

    /** Whether the package is fully installed. */
    public boolean installed() {
        return status.equals("installed");
    }

    /** Whether the package is on hold (apt will not upgrade or remove it). */
    public boolean held() {
        return want.equals("hold");
    }
}
