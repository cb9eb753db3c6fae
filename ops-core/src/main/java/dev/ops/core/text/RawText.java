package dev.ops.core.text;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text of a configuration file that may hold any bytes, as a {@code String} that encodes back to
 * exactly those bytes: valid UTF-8 is decoded as usual, and each byte that is not part of valid
 * UTF-8 (a Latin-1 {@code 0xE9} in a comment, say) becomes the lone surrogate {@code U+DC00 + byte},
 * which {@link #encode} turns back into that byte. Decoding with {@code new String(bytes, UTF_8)}
 * would replace such bytes with U+FFFD for good; this way untouched lines stay byte-identical.
 *
 * <p>Text made in code (a new option, a new comment) is encoded as UTF-8. (Python calls the same
 * scheme {@code surrogateescape}.)
 */
public final class RawText {
    private static final char ESCAPE_BASE = 0xDC00;

    private RawText() {}

    /** The bytes as text; {@link #encode} gives back the very same bytes. */
    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never yields more chars than bytes, and an escaped byte is one char.
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    out.put((char) (ESCAPE_BASE | (in.get() & 0xff)));
                }
            } else if (r.isUnderflow()) {
                break;
            } else {
                throw new IllegalStateException("decoder overflow");
            }
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** The bytes of text made by {@link #decode} (escaped bytes back as they were) or in code (UTF-8). */
    public static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.writeBytes(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (isEscapedByte(c)) {
                out.write(c & 0xff);
            } else if (Character.isSurrogate(c)) {
                out.write('?');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /** {@code text} with each escaped byte written {@code \xNN}, for plans and messages that people read. */
    public static String printable(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (sb != null) {
                    sb.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (isEscapedByte(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                sb.append(String.format("\\x%02X", c & 0xff));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** Whether every line of {@code text} that ends ends with CR LF (and at least one does): the file's convention is CRLF. */
    public static boolean usesCrlf(String text) {
        boolean any = false;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (i == 0 || text.charAt(i - 1) != '\r') {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** {@code text} with every line end that is a bare LF made CR LF (lines that already end CR LF are left as they are). */
    public static String toCrlf(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r')) {
                sb.append('\r');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean isEscapedByte(char c) {
        return c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xff;
    }
}
