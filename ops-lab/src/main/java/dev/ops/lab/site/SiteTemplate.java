package dev.ops.lab.site;

import java.util.Objects;

/**
 * A template the site keeps: its name, the node it is made on, its VMID, and the cloud image it is
 * built from with the image's checksum.
 *
 * @param name the template's name in the site
 * @param node the node it is made on (the primary node unless said otherwise)
 * @param vmid its VMID
 * @param image the cloud image's URL; empty when the template is made by hand
 * @param checksum the image's {@code sha256:...} or {@code sha512:...} checksum; empty when none
 */
public record SiteTemplate(String name, String node, int vmid, String image, String checksum) {
    public SiteTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(checksum, "checksum");
    }
}
