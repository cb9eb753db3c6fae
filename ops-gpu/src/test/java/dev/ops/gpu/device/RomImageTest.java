package dev.ops.gpu.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PCI expansion ROMs are read as a chain of 55 AA images with PCIR structures, and every malformed file is said to be so. */
public class RomImageTest {

    /** A ROM of one 512-byte image per code type, for GPU 10de:2204, the last one marked so. */
    public static byte[] rom(int... codeTypes) {
        int[] blocks = new int[codeTypes.length];
        Arrays.fill(blocks, 1);
        return rom(codeTypes, blocks);
    }

    /** A ROM whose image {@code i} has code type {@code codeTypes[i]} and is {@code blocks[i]} 512-byte blocks long. */
    static byte[] rom(int[] codeTypes, int[] blocks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < codeTypes.length; i++) {
            byte[] img = new byte[512 * blocks[i]];
            img[0] = 0x55;
            img[1] = (byte) 0xaa;
            img[0x18] = 0x40;
            img[0x40] = 'P';
            img[0x41] = 'C';
            img[0x42] = 'I';
            img[0x43] = 'R';
            img[0x44] = (byte) 0xde;
            img[0x45] = 0x10;
            img[0x46] = 0x04;
            img[0x47] = 0x22;
            img[0x40 + 0x10] = (byte) blocks[i];
            img[0x40 + 0x14] = (byte) codeTypes[i];
            img[0x40 + 0x15] = (byte) (i == codeTypes.length - 1 ? 0x80 : 0);
            out.writeBytes(img);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static List<Arguments> files() {
        byte[] badSignature = rom(0);
        badSignature[1] = (byte) 0xab;
        byte[] badPcir = rom(0);
        badPcir[0x42] = 'X';
        byte[] notLast = rom(0, 3);
        notLast[512 + 0x40 + 0x15] = 0;
        return List.of(
                Arguments.of("legacy only", rom(0), List.of(0), true, false, ""),
                Arguments.of("legacy + EFI", rom(0, 3), List.of(0, 3), true, true, ""),
                Arguments.of("EFI only", rom(3), List.of(3), true, true, ""),
                Arguments.of("legacy + EFI, long images", rom(new int[] {0, 3}, new int[] {120, 64}), List.of(0, 3), true, true, ""),
                Arguments.of("empty", new byte[0], List.of(), false, false, "is empty"),
                Arguments.of("text", "just some text, no ROM".getBytes(), List.of(), false, false, "does not start with the signature 55 AA"),
                Arguments.of("bad signature", badSignature, List.of(), false, false, "does not start with the signature 55 AA"),
                Arguments.of("bad PCIR", badPcir, List.of(), false, false, "PCIR"),
                Arguments.of("truncated", Arrays.copyOf(rom(0, 3), 700), List.of(0, 3), false, true, "is truncated: image 2"),
                Arguments.of("last image unmarked", notLast, List.of(0, 3), false, true, "image 2 is not marked last"),
                Arguments.of("nvflash header", concat(new byte[0x180], rom(0, 3)), List.of(), false, false, "has 384 bytes before its first image"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachFileIsReadAsTheSpecificationLaysItOut(String what, byte[] file, List<Integer> types, boolean valid, boolean efi, String defect) {
        RomImage r = RomImage.parse(file);
        assertThat(r.codeTypes()).containsExactlyElementsOf(types);
        assertThat(r.valid()).isEqualTo(valid);
        assertThat(r.hasEfi()).isEqualTo(efi);
        if (defect.isEmpty()) {
            assertThat(r.defect()).isEmpty();
            assertThat(r.ids()).isEqualTo("10de:2204");
        } else {
            assertThat(r.defect()).contains(defect);
        }
    }

    @Provide
    Arbitrary<int[]> codeTypes() {
        return Arbitraries.of(0, 1, 3, 0x70).array(int[].class).ofMinSize(1).ofMaxSize(5);
    }

    @Property
    void aWellFormedChainIsReadImageByImage(@ForAll("codeTypes") int[] types, @ForAll @Size(5) int[] lengths) {
        int[] blocks = Arrays.stream(lengths).map(l -> 1 + Math.floorMod(l, 8)).limit(types.length).toArray();
        RomImage r = RomImage.parse(rom(types, blocks));
        assertThat(r.valid()).isTrue();
        assertThat(r.codeTypes()).containsExactlyElementsOf(Arrays.stream(types).boxed().toList());
        assertThat(r.hasEfi()).isEqualTo(Arrays.stream(types).anyMatch(t -> t == RomImage.EFI));
    }

    @Property
    void everyCutShortRomIsInvalid(@ForAll("codeTypes") int[] types, @ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        byte[] whole = rom(types);
        RomImage r = RomImage.parse(Arrays.copyOf(whole, cut % whole.length));
        assertThat(r.valid()).isFalse();
        assertThat(r.defect()).isNotEmpty();
    }
}
