package dev.ops.gpu.pci;

/**
 * A PCIe link's state: speed as sysfs words it ({@code 16.0 GT/s PCIe}) and width in lanes, now and at most.
 *
 * @param currentSpeed the speed the link trained at, e.g. {@code 2.5 GT/s PCIe}
 * @param currentWidth the lanes in use now
 * @param maxSpeed the most the device and slot can do
 * @param maxWidth the most lanes the device can use
 */
public record PciLink(String currentSpeed, int currentWidth, String maxSpeed, int maxWidth) {

    /** The speed in GT/s from a sysfs speed ({@code 8.0 GT/s PCIe} is 8.0); 0 when it is unknown. */
    public static double gigaTransfers(String speed) {
        int sp = speed.indexOf(' ');
        try {
            return Double.parseDouble(sp < 0 ? speed : speed.substring(0, sp));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Whether the link runs below what it can do, in speed or width. GPUs drop their link speed when
     * idle to save power, so a lower speed alone is a hint, a lower width a real problem (a card in
     * a slot with fewer lanes, or a riser).
     */
    public boolean degraded() {
        return widthDegraded() || gigaTransfers(currentSpeed) < gigaTransfers(maxSpeed);
    }

    /** Whether fewer lanes are in use than the device has. */
    public boolean widthDegraded() {
        return currentWidth > 0 && maxWidth > 0 && currentWidth < maxWidth;
    }
}
