package dev.ops.pve.guest;

import dev.ops.core.text.AsciiNumbers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The encoding Proxmox's {@code urlencoded} format expects (JavaScript's encodeURIComponent): the
 * {@code sshkeys} value is encoded with it once, and then form-encoded again on the wire.
 */
public final class UriComponent {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";

    private UriComponent() {}

    /** Encodes {@code text} as encodeURIComponent does. */
    public static String encode(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && UNRESERVED.indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** Decodes percent-escapes (leaving '+' alone, as Proxmox does). */
    public static String decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.write(AsciiNumbers.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bs = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bs, 0, bs.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return AsciiNumbers.isHexDigit(c);
    }
}
