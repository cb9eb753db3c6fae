package dev.ops.proxmox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ops.core.testing.ArrivingStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A list answer read in pieces gives what reading it whole gives, for every input: the same list, or
 * the same error with the same message, whatever the pieces' size, however the bytes arrive and wherever
 * the network fails; and it is cut into pieces when its elements open as promised.
 */
class SplitListReaderTest {
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final Transport.BodyReader<List<JsonNode>> WHOLE = ProxmoxJson.dataInOnePiece(ProxmoxJson.listOf(JsonNode.class));

    /** What a reader gave: the list, or the error's class and message. */
    private record Outcome(List<JsonNode> list, String error) {}

    private static SplitListReader<JsonNode> split(int pieceBytes, AtomicInteger pieces) {
        return new SplitListReader<>(ProxmoxJson.factory(), WHOLE, "k", () -> {
            pieces.incrementAndGet();
            return p -> TREES.readTree(p);
        }, pieceBytes);
    }

    private static Outcome outcome(Transport.BodyReader<List<JsonNode>> reader, InputStream in) {
        try {
            return new Outcome(reader.read(in), null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static InputStream arriving(byte[] bytes, int step, int failAt) {
        return new ArrivingStream(bytes, step, failAt);
    }

    private static String listing(int entries) {
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int i = 0; i < entries; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"k\":\"vm\",\"id\":").append(i).append(",\"files\":[{\"name\":\"a\"}],\"note\":\"},{\\\"k\\\":\"}");
        }
        return sb.append("],\"total\":").append(entries).append('}').toString();
    }

    @Test
    void aLargeListIsCutIntoPiecesAndGivesTheWholeListInItsOrder() throws IOException {
        byte[] body = listing(5_000).getBytes(StandardCharsets.UTF_8);
        AtomicInteger pieces = new AtomicInteger();

        List<JsonNode> read = split(16 * 1024, pieces).read(arriving(body, 8192, -1));

        assertThat(pieces.get()).isGreaterThan(10);
        assertThat(read).hasSize(5_000).isEqualTo(WHOLE.read(new ByteArrayInputStream(body)));
        assertThat(read.get(4_999).get("id").asInt()).isEqualTo(4_999);
    }

    @Test
    void aBoundaryInsideAnElementIsNoCut() throws IOException {
        String nested = "{\"data\":[{\"k\":1,\"inner\":[{\"x\":1},{\"k\":2},{\"k\":3}]},{\"k\":4,\"inner\":[{\"a\":0},{\"k\":5}]}]}";
        byte[] body = nested.getBytes(StandardCharsets.UTF_8);

        for (int piece = 1; piece < body.length; piece++) {
            Outcome o = outcome(split(piece, new AtomicInteger()), arriving(body, 3, -1));
            assertThat(o).as("pieces of %d bytes", piece).isEqualTo(outcome(WHOLE, new ByteArrayInputStream(body)));
        }
    }

    @Test
    void aSecondDataMemberTheDamagedAndTheCutShortAnswerAsReadWhole() {
        String[] bodies = {"{\"data\":[{\"k\":1},{\"k\":2}],\"data\":[{\"k\":3}]}", "{\"data\":[{\"k\":1},{\"k\":2}],\"data\":null}",
            "{\"data\":[{\"k\":1},{\"k\":2},null]}", "{\"data\":[{\"k\":1},{\"k\":2}]} trailing", "{\"data\":[{\"k\":1},{\"k\":2}",
            "{\"data\":[{\"k\":1},{\"k\":2}]]}", " {\"data\":[{\"k\":1},{\"k\":2}]}", "{\"data\":{\"k\":1}}", "[]", "", "{\"da"};
        for (String b : bodies) {
            byte[] body = b.getBytes(StandardCharsets.UTF_8);
            for (int piece = 1; piece < 12; piece++) {
                assertThat(outcome(split(piece, new AtomicInteger()), arriving(body, 5, -1))).as("%s in pieces of %d", b, piece)
                        .isEqualTo(outcome(WHOLE, new ByteArrayInputStream(body)));
            }
        }
    }

    @Property(tries = 600)
    void readInPiecesIsReadWhole(@ForAll("bodies") String text, @ForAll @IntRange(min = 1, max = 120) int pieceBytes,
            @ForAll @IntRange(min = 1, max = 9000) int step, @ForAll @IntRange(min = -6000, max = 3000) int failAt) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        int fail = failAt < 0 ? -1 : Math.min(failAt, body.length);

        Outcome whole = outcome(WHOLE, arriving(body, step, fail));
        AtomicInteger cut = new AtomicInteger();
        Outcome pieces = outcome(split(pieceBytes, cut), arriving(body, step, fail));
        net.jqwik.api.statistics.Statistics.label("outcome").collect(whole.error() == null ? "list" : whole.error().startsWith("java.io.IOException: connection reset") ? "network error" : "other error");
        net.jqwik.api.statistics.Statistics.label("pieces").collect(cut.get() <= 1 ? "one" : "several");

        assertThat(pieces).isEqualTo(whole);
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.integers().between(-5, 100_000).map(String::valueOf),
                Arbitraries.of("\"vm\"", "\"},{\\\"k\\\":\"", "\"\\\\\"", "\"ü€😀\"", "\"\"", "null", "true", "[{\"k\":1},{\"k\":2}]",
                        "{\"k\":{\"k\":[]}}", "[]", "{}", "[{\"x\":0},{\"k\":\"},{\\\"k\\\":1\"}]"));
        Arbitrary<String> member = Combinators.combine(Arbitraries.of("k", "a", "files", "k"), values).as((n, v) -> "\"" + n + "\":" + v);
        Arbitrary<String> element = Combinators.combine(values, member.list().ofMaxSize(4))
                .as((first, rest) -> "{\"k\":" + first + (rest.isEmpty() ? "" : "," + String.join(",", rest)) + "}");
        Arbitrary<String> odd = Arbitraries.of("null", "1", "\"k\"", "[]", "{\"a\":1}");
        Arbitrary<List<String>> elements = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, element), net.jqwik.api.Tuple.of(1, odd))
                .list().ofMaxSize(60);
        Arbitrary<String> after = Arbitraries.of("", "", "", ",\"total\":7", ",\"data\":null", ",\"data\":[{\"k\":9}]", ",\"x\":{\"data\":[]}");
        Arbitrary<String> listing = Combinators.combine(elements, after).as((es, a) -> "{\"data\":[" + String.join(",", es) + "]" + a + "}");
        return Combinators.combine(listing, Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 100_000),
                Arbitraries.of("", ",", "]", "}", "{", "\"", "\\", " ", "x", "0", "\u0000")).as(SplitListReaderTest::damaged);
    }

    /** The listing as it is (most often), cut short, with a byte left out, or with one more inserted. */
    private static String damaged(String listing, int how, int where, String inserted) {
        List<Integer> cps = new ArrayList<>(listing.codePoints().boxed().toList());
        int at = cps.isEmpty() ? 0 : where % cps.size();
        return switch (how) {
            case 3 -> listing.substring(0, listing.offsetByCodePoints(0, at));
            case 4 -> {
                cps.remove(at);
                yield cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            }
            case 5 -> listing.substring(0, listing.offsetByCodePoints(0, at)) + inserted + listing.substring(listing.offsetByCodePoints(0, at));
            default -> listing;
        };
    }
}
