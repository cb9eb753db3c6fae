package dev.ops.lab.catalog;

import java.util.Objects;

/**
 * What layer L1 recorded about a template it built: where it is, the cloud image and checksum it
 * was made from, the volume the image was put in, and whether it is the site's "stable" template
 * (only when the operator asked for it).
 *
 * @param name the site's name of the template
 * @param node the node it was built on
 * @param vmid its VMID
 * @param image the cloud image's URL or local path
 * @param checksum the image's {@code sha256:...} or {@code sha512:...} checksum; empty when none
 * @param volume the image's volume on the node ({@code local:import/debian-12.qcow2})
 * @param stable whether it was promoted to stable
 * @param recorded when it was recorded (ISO-8601)
 */
public record TemplateManifest(String name, String node, int vmid, String image, String checksum, String volume, boolean stable,
        String recorded) {
    public TemplateManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(recorded, "recorded");
    }

    /** Whether this manifest describes the same build as {@code other} (node, VMID, image, checksum); promotion and date aside. */
    public boolean sameBuild(TemplateManifest other) {
        return node.equals(other.node) && vmid == other.vmid && image.equals(other.image) && checksum.equals(other.checksum);
    }

    /** This manifest promoted to stable. */
    public TemplateManifest promoted() {
        return new TemplateManifest(name, node, vmid, image, checksum, volume, true, recorded);
    }
}
