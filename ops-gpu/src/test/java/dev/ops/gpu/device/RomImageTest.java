package dev.ops.gpu.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Option ROM images are found by their 55 AA signature and PCIR structure. */
class RomImageTest {

    /** A ROM of one 512-byte image per code type, the last one marked so. */
    static byte[] rom(int... codeTypes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < codeTypes.length; i++) {
            byte[] img = new byte[512];
            img[0] = 0x55;
            img[1] = (byte) 0xaa;
            img[0x18] = 0x40;
            img[0x40] = 'P';
            img[0x41] = 'C';
            img[0x42] = 'I';
            img[0x43] = 'R';
            img[0x40 + 0x10] = 1;
            img[0x40 + 0x14] = (byte) codeTypes[i];
            img[0x40 + 0x15] = (byte) (i == codeTypes.length - 1 ? 0x80 : 0);
            out.writeBytes(img);
        }
        return out.toByteArray();
    }

    @Test
    void aLegacyAndUefiRomHasBothImages() {
        RomImage r = RomImage.parse(rom(0, 3));
        assertThat(r.codeTypes()).containsExactly(0, 3);
        assertThat(r.hasEfi()).isTrue();
    }

    @Test
    void aLegacyOnlyRomHasNoUefiImage() {
        assertThat(RomImage.parse(rom(0)).hasEfi()).isFalse();
    }

    @Test
    void anEmptyOrForeignFileIsNoRom() {
        assertThat(RomImage.parse(new byte[0]).valid()).isFalse();
        assertThat(RomImage.parse("not a rom at all, just some text".getBytes()).valid()).isFalse();
    }
}
